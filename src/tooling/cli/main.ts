#!/usr/bin/env node
import { readFileSync } from 'node:fs'
import { changesCommand } from './changes-command.js'
import { formatOperations, operationRows } from './ops.js'
import { sampleCommand } from './sample-command.js'
import { serveCommand } from './serve-command.js'
import { validateCommand } from './validate-command.js'

const USAGE = `usage: cognito-idp-contract <command>
  ops [--json]                                      list every operation
  validate <Operation> <request|response> <file|->  print "valid" or Cognito's validation message
  sample <ShapeOrOperation> [--request|--response] [--seed N] [--count K] [--presence random|minimal|full] [--region R]
                                                    print generated values as JSON lines (an operation's response by default)
  serve [--port 9229] [--host 127.0.0.1] [--seed N] [--mode auto|simulation|generated]
                                                    answer Cognito calls over HTTP until interrupted
  changes <old-model.json> <new-model.json> [--date YYYY/MM/DD] [--json]
                                                    report what changed between two service models, with verdicts
`

const [command, ...args] = process.argv.slice(2)
if (command === 'ops') {
  const rows = operationRows()
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(rows, null, 2)}\n` : formatOperations(rows))
} else if (command === 'validate') {
  const result = validateCommand(args, () => readFileSync(0, 'utf8'))
  process.stdout.write(result.stdout)
  process.exitCode = result.exitCode
} else if (command === 'serve') {
  process.exitCode = await serveCommand(args, (text) => process.stdout.write(text))
} else if (command === 'changes') {
  const result = changesCommand(args)
  process.stdout.write(result.stdout)
  process.exitCode = result.exitCode
} else if (command === 'sample') {
  const result = sampleCommand(args)
  process.stdout.write(result.stdout)
  process.exitCode = result.exitCode
} else {
  process.stdout.write(USAGE)
  process.exitCode = command === undefined || command === '--help' ? 0 : 2
}
