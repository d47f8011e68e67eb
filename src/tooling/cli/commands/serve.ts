import { startCognitoServer } from '../../../adapters/server/server.js'
import type { ResponseMode } from '../../../core/mock/options.js'
import { type Command, CommandError, integer, oneOf, parse } from '../command.js'

/** `serve [--port N] [--host H] [--seed N] [--mode auto|simulation|generated]`: a local endpoint until interrupted. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'run a local Cognito over HTTP until interrupted',
  help: `usage: cognito-idp-contract serve [options]

Answers Cognito user pools calls over HTTP on loopback, from the stateful simulation and generated data.

  --port N                              port (default 9229; 0 picks a free one)
  --host H                              interface (default 127.0.0.1)
  --seed N                              seed of ids and generated data (default 0)
  --mode auto|simulation|generated      where answers come from (default auto)
`,
  async run(args, io) {
    const { values } = parse(
      args,
      {
        port: { type: 'string', default: '9229' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string', default: '0' },
        mode: { type: 'string', default: 'auto' },
      },
      false,
    )
    const port = integer('port', values.port, 0, 65535)
    const seed = integer('seed', values.seed)
    const mode: ResponseMode = oneOf('mode', values.mode, ['auto', 'simulation', 'generated'] as const)
    let server: Awaited<ReturnType<typeof startCognitoServer>>
    try {
      server = await startCognitoServer({ port, host: values.host, seed, mode })
    } catch (error) {
      const e = error as NodeJS.ErrnoException
      if (e.code === 'EADDRINUSE')
        throw new CommandError(`port ${port} on ${values.host} is in use; pick another with --port`)
      if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
        throw new CommandError(`cannot listen on ${values.host}: ${e.code}`)
      throw new CommandError(e.message)
    }
    io.stdout(`cognito-idp-contract listening on ${server.url} (mode ${mode}); Ctrl-C to stop\n`)
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await server.close()
    return 0
  },
}
