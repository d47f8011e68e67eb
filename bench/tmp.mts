import { loadModel } from '/work/main/src/importer/model.ts'
import { changeReport, formatReport } from '/work/main/src/changes/index.ts'
const h = '/work/shared/models/cognito-idp/history/service-2.'
for (const [a, b] of [['2024-04-26','2024-05-08'],['2024-11-22','2024-12-09'],['2026-07-17','2026-07-24']]) {
  console.log(formatReport(changeReport(loadModel(`${h}${a}.json`), loadModel(`${h}${b}.json`), b.replaceAll('-', '/'))))
}
