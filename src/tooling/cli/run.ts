import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Command, CommandError, type Io, UsageError } from './command.js'
import { changesCommand } from './commands/changes.js'
import { contractCommand } from './commands/contract.js'
import { opsCommand } from './commands/ops.js'
import { sampleCommand } from './commands/sample.js'
import { serveCommand } from './commands/serve.js'
import { validateCommand } from './commands/validate.js'
import { verifyCommand } from './commands/verify.js'
import { packageRoot } from './root.js'

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  opsCommand,
  validateCommand,
  sampleCommand,
  changesCommand,
  contractCommand,
  verifyCommand,
]

/** The package's version, from its package.json. */
export function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version
}

/** The top-level help. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'usage: cognito-idp-contract <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'cognito-idp-contract <command> --help describes a command; --version prints the version.',
    '',
  ].join('\n')
}

/** Runs the command line; resolves to the exit code. Mistakes print one line on stderr. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage())
    return 0
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`)
    return 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.stderr(
      name.startsWith('-')
        ? `cognito-idp-contract: ${name} is an option, and options follow a command (e.g. cognito-idp-contract serve --port 9229); run cognito-idp-contract --help for the commands\n`
        : `cognito-idp-contract: unknown command '${name}'; run cognito-idp-contract --help for the list\n`,
    )
    return 2
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.help)
    return 0
  }
  try {
    return await command.run(args, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cognito-idp-contract ${name}: ${error.message}; see cognito-idp-contract ${name} --help\n`)
      return 2
    }
    if (error instanceof CommandError) {
      io.stderr(`cognito-idp-contract ${name}: ${error.message}\n`)
      return 2
    }
    throw error
  }
}
