import { changeReport, formatReport, reportJson } from '../../changes/report.js'
import { loadModel } from '../../model/model.js'
import { type Command, CommandError, parse, reason, UsageError } from '../command.js'

/** The report date: the one given, the date in the new model's file name (`service-2.2024-05-08.json`), or today. */
export function reportDate(given: string | undefined, newPath: string, today = new Date()): string {
  if (given) return given
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(newPath.split('/').pop() ?? '')
  if (m) return `${m[1]}/${m[2]}/${m[3]}`
  return today.toISOString().slice(0, 10).replaceAll('-', '/')
}

/** `changes <old-model.json> <new-model.json> [--date YYYY/MM/DD] [--json]`. */
export const changesCommand: Command = {
  name: 'changes',
  summary: 'report what changed between two service models, with verdicts',
  help: `usage: cognito-idp-contract changes <old-model.json> <new-model.json> [--date YYYY/MM/DD] [--json]

Compares two botocore service models operation by operation in the notation of AWS's change pages,
then gives each change a verdict (breaking, dangerous, safe) and suggests a version bump.

  --date YYYY/MM/DD   the report's date (default: the date in the new file's name, else today)
  --json              the report and every change with its verdict as JSON
`,
  run(args, io) {
    const { positionals, values } = parse(args, { date: { type: 'string' }, json: { type: 'boolean', default: false } })
    const [oldPath, newPath] = positionals
    if (!oldPath || !newPath) throw new UsageError('expected two model files: old and new')
    if (values.date !== undefined && !/^\d{4}\/\d{2}\/\d{2}$/.test(values.date))
      throw new UsageError('--date is YYYY/MM/DD')
    let report: ReturnType<typeof changeReport>
    try {
      report = changeReport(loadModel(oldPath), loadModel(newPath), reportDate(values.date, newPath))
    } catch (error) {
      const e = error as NodeJS.ErrnoException
      throw new CommandError(e.code ? `cannot read ${e.path ?? 'a model file'}: ${reason(e)}` : e.message)
    }
    io.stdout(values.json ? `${JSON.stringify(reportJson(report), null, 2)}\n` : formatReport(report))
    return 0
  },
}
