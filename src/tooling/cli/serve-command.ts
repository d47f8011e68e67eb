import { parseArgs } from 'node:util'
import { startCognitoServer } from '../../adapters/server/server.js'
import type { ResponseMode } from '../../core/mock/options.js'

/** `serve [--port N] [--host H] [--seed N] [--mode auto|simulation|generated]`: a local endpoint until interrupted. */
export async function serveCommand(args: readonly string[], write: (text: string) => void): Promise<number> {
  let values
  try {
    values = parseArgs({ args: [...args], options: { port: { type: 'string', default: '9229' }, host: { type: 'string', default: '127.0.0.1' }, seed: { type: 'string', default: '0' }, mode: { type: 'string', default: 'auto' } } }).values
  } catch (error) {
    write(`${(error as Error).message}\n`)
    return 2
  }
  if (!['auto', 'simulation', 'generated'].includes(values.mode)) {
    write('--mode is auto, simulation or generated\n')
    return 2
  }
  const server = await startCognitoServer({ port: Number(values.port), host: values.host, seed: Number(values.seed), mode: values.mode as ResponseMode })
  write(`cognito-idp-contract listening on ${server.url} (mode ${values.mode}); Ctrl-C to stop\n`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.close()
  return 0
}
