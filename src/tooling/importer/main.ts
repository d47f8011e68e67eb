import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { changeReport, formatReport } from '../changes/report.js'
import { loadModel, modelDigest } from '../model/model.js'
import { importModel, loadPaginators } from './import-model.js'
import { drift, writeFiles } from './sync.js'

/** Where the importer looks for the model when neither --model nor COGNITO_IDP_MODEL says. */
export const DEFAULT_MODEL = '../shared/models/cognito-idp/2016-04-18/service-2.json'

const { values } = parseArgs({
  options: { model: { type: 'string' }, check: { type: 'boolean', default: false }, root: { type: 'string' } },
})
const root = resolve(values.root ?? '.')
const modelPath = resolve(root, values.model ?? process.env['COGNITO_IDP_MODEL'] ?? DEFAULT_MODEL)
const model = loadModel(modelPath)
const committed = join(root, 'generated/contract.json')
if (existsSync(committed)) {
  const report = changeReport(loadModel(committed), model, new Date().toISOString().slice(0, 10).replaceAll('-', '/'))
  console.log(
    report.operations.length === 0
      ? 'The model matches the committed contract: no API changes.\n'
      : formatReport(report),
  )
}
const files = await importModel({ model, paginators: loadPaginators(modelPath), sha256: modelDigest(modelPath), root })
const result = values.check ? drift(root, files) : writeFiles(root, files)
const total = result.changed.length + result.added.length + result.removed.length
for (const [what, list] of Object.entries(result))
  for (const path of list as string[]) console.log(`${what.padEnd(8)}${path}`)
console.log(
  `${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes from ${modelPath}: ${files.size} files, ${total} ${values.check ? 'out of date' : 'written'}`,
)
if (values.check && total > 0) process.exitCode = 1
