import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readContract, writeContract } from '../../../core/contract/file.js'
import { mergeContracts } from '../../../core/contract/merge.js'
import { checkContract, consumerHeader, formatConsumerReport } from '../../changes/consumer.js'
import { sideJson } from '../../changes/report.js'
import { loadModel, type ServiceModel } from '../../model/model.js'
import { type Command, CommandError, oneOf, parse, reason, UsageError } from '../command.js'
import { packageRoot } from '../root.js'
import { reportDate } from './changes.js'

/** The package's own model: `generated/contract.json` is a documentation-free botocore model. */
function packagedModel(): string {
  const path = join(packageRoot(), 'generated/contract.json')
  if (existsSync(path)) return path
  throw new CommandError("cannot find this package's generated/contract.json; name a model with --model")
}

function load<T>(what: () => T): T {
  try {
    return what()
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new CommandError(e.code ? `cannot read ${e.path ?? 'a file'}: ${reason(e)}` : e.message)
  }
}

const HELP = `usage: cognito-idp-contract contract check <contract.json> [--model <service-2.json>] [--date YYYY/MM/DD] [--json] [--fail-on breaking|dangerous]
       cognito-idp-contract contract merge <contract.json>... [--out <file>]

check   compares what a consumer recorded (the operations it called, the members it sent and received, the
        enum values it used) with a model: this package's own by default, or a newer service-2.json. Only
        the changes that touch this consumer are reported, in the notation of AWS's change pages, each with
        a verdict. Exit code 1 when a change is breaking (or, with --fail-on dangerous, dangerous), else 0.
merge   joins contracts from several test runs (counts add up, values and extents widen) and prints the
        result, or writes it to --out (merged with what that file holds).

  --model FILE        the model to check against (default: the model this package was generated from)
  --date YYYY/MM/DD   the report's date (default: the date in the model file's name, else today)
  --json              the report as JSON
  --fail-on VERDICT   breaking (default) or dangerous
  --out FILE          merge: where to write the merged contract
`

/** `contract check|merge`: consumer contracts in CI. */
export const contractCommand: Command = {
  name: 'contract',
  summary: "check a consumer's recorded contract against a model, or merge recorded contracts",
  help: HELP,
  run(args, io) {
    const [sub, ...rest] = args
    if (sub === 'check') {
      const { positionals, values } = parse(rest, {
        model: { type: 'string' },
        date: { type: 'string' },
        json: { type: 'boolean', default: false },
        'fail-on': { type: 'string', default: 'breaking' },
      })
      const failOn = oneOf('fail-on', values['fail-on'], ['breaking', 'dangerous'] as const)
      if (positionals.length !== 1) throw new UsageError('expected one contract file')
      if (values.date !== undefined && !/^\d{4}\/\d{2}\/\d{2}$/.test(values.date))
        throw new UsageError('--date is YYYY/MM/DD')
      const contract = load(() => readContract(positionals[0]!))
      const modelPath = values.model ?? packagedModel()
      const model: ServiceModel = load(() => loadModel(modelPath))
      const report = checkContract(contract, model, reportDate(values.date, modelPath))
      if (values.json) {
        const side = sideJson
        const json = {
          header: consumerHeader(report),
          date: report.date,
          consumer: report.consumer ?? null,
          operations: report.operations.map((op) => ({
            name: op.name,
            status: op.status,
            request: side(op.request),
            response: side(op.response),
            errorsAdded: op.errorsAdded,
          })),
          changes: report.changes,
          summary: {
            breaking: report.changes.filter((c) => c.verdict === 'breaking').length,
            dangerous: report.changes.filter((c) => c.verdict === 'dangerous').length,
          },
        }
        io.stdout(`${JSON.stringify(json, null, 2)}\n`)
      } else io.stdout(formatConsumerReport(report))
      const failing = failOn === 'dangerous' ? ['breaking', 'dangerous'] : ['breaking']
      return report.changes.some((c) => failing.includes(c.verdict)) ? 1 : 0
    }
    if (sub === 'merge') {
      const { positionals, values } = parse(rest, { out: { type: 'string' } })
      if (!positionals.length) throw new UsageError('expected contract files to merge')
      const merged = mergeContracts(positionals.map((file) => load(() => readContract(file))))
      if (values.out) load(() => writeContract(values.out!, merged))
      else io.stdout(`${JSON.stringify(merged, null, 2)}\n`)
      return 0
    }
    throw new UsageError(
      sub === undefined ? 'expected check or merge' : `unknown subcommand '${sub}'; expected check or merge`,
    )
  },
}
