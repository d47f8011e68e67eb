import { type ParseArgsConfig, parseArgs } from 'node:util'

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>

/** Where a command writes and reads. */
export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stdin: () => string
}

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** A command that could not do what it was asked (a missing file, a port in use): one line, exit code 2 (1 is `validate`'s "invalid"). */
export class CommandError extends Error {}

/** One `cognito-idp-contract` command. */
export interface Command {
  readonly name: string
  /** One line for the command list. */
  readonly summary: string
  /** The synopsis and options, printed by `<command> --help`. */
  readonly help: string
  /** Runs the command; resolves to its exit code. */
  run(args: readonly string[], io: Io): number | Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** Parses arguments with node's parseArgs, turning its errors into one-line usage errors. */
export function parse<O extends Options>(args: readonly string[], options: O, positionals = true): Parsed<O> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: positionals, strict: true }) as Parsed<O>
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/^TypeError \[\w+\]: /, ''))
  }
}

/** A whole number from an option, or a usage error naming the option. */
export function integer(
  name: string,
  text: string,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = /^-?\d+$/.test(text.trim()) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} takes a whole number${min > Number.MIN_SAFE_INTEGER ? ` from ${min}` : ''}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, not '${text}'`,
    )
  }
  return value
}

/** One of the allowed values of an option, or a usage error listing them. */
export function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text))
    throw new UsageError(`--${name} is one of ${allowed.join(', ')}, not '${text}'`)
  return text as T
}

/** Why a file could not be read, in words. */
export function reason(error: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
  }
  return words[error.code ?? ''] ?? error.message
}
