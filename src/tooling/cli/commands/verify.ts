import { type OperationName, operations } from '../../../../schemas/operations.js'
import { formatResult, formatSummary } from '../../../adapters/testing/verify/format.js'
import { VerifyError } from '../../../adapters/testing/verify/types.js'
import { VERIFY_PREFIX, verifyProvider } from '../../../adapters/testing/verify/verify.js'
import { type Command, CommandError, integer, parse, UsageError } from '../command.js'

/** `verify --endpoint URL`: checks a provider against the contract. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check that a provider (an emulator, a stand-in, real Cognito) honours the contract',
  help: `usage: cognito-idp-contract verify --endpoint <url> [--region r] [--operations A,B | --all] [--json] [--seed n]
                                   [--runs n] [--prefix p] [--allow-aws]

Creates a user pool, an app client, an OIDC provider, a group and a user under a unique name prefix, drives
each operation with valid requests drawn from the arbitraries (using the ids it created) and with requests
that break one constraint each, follows paginators, reads back what it created, then deletes what it made
(also when interrupted with Ctrl-C; pools an earlier, killed run left are deleted at the start).

Each operation is reported as conforming, deviating (with the rule broken, the request and the response)
or unsupported. Rules: response-schema, unmodelled-error, malformed-response, internal-error,
invalid-accepted, validation-error, validation-message, pagination, found-again, transport.
Exit code: 0 when nothing deviated, 1 when something did, 2 when the run could not start, 130 when interrupted.

  --endpoint URL        the provider (for example http://127.0.0.1:9229/)
  --region R            the region to sign for (default: the endpoint's, else us-east-1)
  --operations A,B      only these operations (default: --all, every operation of the contract)
  --all                 every operation of the contract
  --json                the report as JSON
  --seed N              seed of the drawn requests (default 0)
  --runs N              valid and invalid requests per operation (default 2)
  --prefix P            name prefix of what the run creates (default ${VERIFY_PREFIX})
  --allow-aws           allow an AWS endpoint: the run creates and deletes resources in that account
Credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN where set, else test/test.
`,
  async run(args, io) {
    const { values } = parse(
      args,
      {
        endpoint: { type: 'string' },
        region: { type: 'string' },
        operations: { type: 'string' },
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        seed: { type: 'string', default: '0' },
        runs: { type: 'string', default: '2' },
        prefix: { type: 'string', default: VERIFY_PREFIX },
        'allow-aws': { type: 'boolean', default: false },
      },
      false,
    )
    if (!values.endpoint) throw new UsageError('--endpoint is required')
    if (values.all && values.operations) throw new UsageError('--operations and --all do not go together')
    let selected: OperationName[] | undefined
    if (values.operations !== undefined) {
      selected = values.operations
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean) as OperationName[]
      const unknown = selected.filter((op) => !Object.hasOwn(operations, op))
      if (unknown.length || !selected.length)
        throw new UsageError(`--operations names no operation of the contract: ${unknown.join(', ') || "''"}`)
    }
    if (!/^[\w\s+=,.@-]{1,60}$/.test(values.prefix))
      throw new UsageError('--prefix is 1 to 60 of letters, digits, spaces and + = , . @ - _ (a pool name prefix)')
    const controller = new AbortController()
    const stop = () => controller.abort()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    try {
      const report = await verifyProvider({
        endpoint: values.endpoint,
        region: values.region,
        operations: selected,
        seed: integer('seed', values.seed),
        runs: integer('runs', values.runs, 0, 100),
        prefix: values.prefix,
        allowAws: values['allow-aws'],
        signal: controller.signal,
        onResult: values.json ? undefined : (result) => io.stdout(`${formatResult(result)}\n`),
      })
      io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report))
      if (report.interrupted) return 130
      return report.summary.deviating ? 1 : 0
    } catch (error) {
      if (error instanceof VerifyError) throw new CommandError(error.message)
      throw error
    } finally {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    }
  },
}
