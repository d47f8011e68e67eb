import { readFileSync } from 'node:fs'
import { type OperationName, operations } from '../../../../schemas/operations.js'
import { validate } from '../../../core/validate/validate.js'
import { type Command, CommandError, parse, reason, UsageError } from '../command.js'

/** `validate <Operation> <request|response> <file|->`: prints `valid` or Cognito's message. */
export const validateCommand: Command = {
  name: 'validate',
  summary: "check a request or response and print Cognito's validation message",
  help: `usage: cognito-idp-contract validate <Operation> <request|response> <file|->

Validates a JSON request or response of an operation as Cognito does. Prints "valid" and exits 0,
or prints the exception and Cognito's exact message and exits 1. "-" reads standard input.
`,
  run(args, io) {
    const { positionals } = parse(args, {})
    const [name, side, file] = positionals
    if (!name || !Object.hasOwn(operations, name)) throw new UsageError(`unknown operation: ${name ?? '(none)'}`)
    if (side !== 'request' && side !== 'response')
      throw new UsageError(`expected request or response, got ${side ?? '(none)'}`)
    if (!file) throw new UsageError('expected a file name, or - for standard input')
    let text: string
    try {
      text = file === '-' ? io.stdin() : readFileSync(file, 'utf8')
    } catch (error) {
      throw new CommandError(`cannot read ${file}: ${reason(error as NodeJS.ErrnoException)}`)
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      io.stdout('SerializationException: the input is not JSON\n')
      return 1
    }
    const result = validate(name as OperationName, side, value)
    io.stdout(result.valid ? 'valid\n' : `${result.exception}: ${result.message}\n`)
    return result.valid ? 0 : 1
  },
}
