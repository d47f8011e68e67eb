import { readFileSync } from 'node:fs'
import { operations, type OperationName } from '../../../schemas/operations.js'
import { validate } from '../../core/validate/validate.js'

/** What a CLI command prints and how it exits. */
export interface CommandResult {
  readonly stdout: string
  readonly exitCode: number
}

/** `validate <Operation> <request|response> <file|->`: prints `valid` or Cognito's message. */
export function validateCommand(args: readonly string[], readStdin: () => string): CommandResult {
  const [name, side, file] = args
  if (!name || !(name in operations)) return { stdout: `unknown operation: ${name ?? '(none)'}\n`, exitCode: 2 }
  if (side !== 'request' && side !== 'response') return { stdout: `expected request or response, got ${side ?? '(none)'}\n`, exitCode: 2 }
  if (!file) return { stdout: 'expected a file name or - for standard input\n', exitCode: 2 }
  const text = file === '-' ? readStdin() : readFileSync(file, 'utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { stdout: 'SerializationException: the input is not JSON\n', exitCode: 1 }
  }
  const result = validate(name as OperationName, side, value)
  if (result.valid) return { stdout: 'valid\n', exitCode: 0 }
  return { stdout: `${result.exception}: ${result.message}\n`, exitCode: 1 }
}
