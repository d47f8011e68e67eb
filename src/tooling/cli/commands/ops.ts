import { operations } from '../../../../schemas/operations.js'
import { asNode, shapeName } from '../../../core/shared/walk.js'
import { SIMULATED_OPERATIONS } from '../../../core/simulation/index.js'
import { type Command, parse } from '../command.js'

/** One row of `cognito-idp-contract ops`. */
export interface OperationRow {
  readonly name: string
  readonly target: string
  readonly input: string
  readonly output: string
  readonly errors: readonly string[]
  /** Whether the stateful simulation implements it (otherwise the mock answers with generated data). */
  readonly simulated: boolean
}

/** Every operation as a row, sorted by name. */
export function operationRows(): OperationRow[] {
  return Object.values(operations).map((op) => ({
    name: op.name,
    target: op.target,
    input: shapeName(asNode(op.input)) ?? '',
    output: shapeName(asNode(op.output)) ?? '',
    errors: op.errors,
    simulated: (SIMULATED_OPERATIONS as readonly string[]).includes(op.name),
  }))
}

/** Where the installed package keeps the page of seen and chosen behaviours per simulated operation. */
export const FIDELITY_PAGE = 'node_modules/cognito-idp-contract/docs/fidelity.md'

/** The line of `ops` that points to the fidelity page. */
const FIDELITY_LINE = `seen and chosen behaviours of each simulated operation (what a test can trust): ${FIDELITY_PAGE}`

/** The text of `ops`: one aligned line per operation, the count, then where the fidelity page is. */
export function formatOperations(rows: readonly OperationRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length))
  const lines = rows.map(
    (r) => `${r.simulated ? '*' : ' '} ${r.name.padEnd(width)}  ${r.target}  ${r.input} -> ${r.output}`,
  )
  const simulated = rows.filter((r) => r.simulated).length
  return `${lines.join('\n')}\n${rows.length} operations (* simulated: ${simulated})\n${FIDELITY_LINE}\n`
}

/** `ops [--json]`: every operation of the contract, the simulated ones marked. */
export const opsCommand: Command = {
  name: 'ops',
  summary: 'list every operation, marking the simulated ones with *',
  help: `usage: cognito-idp-contract ops [--json]

Lists every operation of the contract with its X-Amz-Target, request and response shapes.
Operations the stateful simulation implements are marked with *; the others answer with generated data.
docs/fidelity.md in the package lists, per simulated operation, the behaviours seen from Cognito and those chosen.

  --json   the same as a JSON array (name, target, input, output, errors, simulated)
`,
  run(args, io) {
    const { values } = parse(args, { json: { type: 'boolean', default: false } }, false)
    const rows = operationRows()
    io.stdout(values.json ? `${JSON.stringify(rows, null, 2)}\n` : formatOperations(rows))
    return 0
  },
}
