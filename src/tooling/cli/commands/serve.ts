import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTROL_ROUTES } from '../../../adapters/server/control.js'
import { DataDirError } from '../../../adapters/server/data-dir.js'
import { isLoopback } from '../../../adapters/server/hosts.js'
import { type RunningCognitoServer, startCognitoServer } from '../../../adapters/server/server.js'
import type { ResponseMode } from '../../../core/mock/options.js'
import type { Fixtures, Lambdas } from '../../../core/simulation/index.js'
import { type Command, CommandError, integer, oneOf, parse, reason } from '../command.js'

const routes = CONTROL_ROUTES.map(([route, what]) => `  ${route.padEnd(40)} ${what}`).join('\n')

/** Reads a fixtures file (JSON: `{ "userPools": [...], "users": [...] }`), or says in one line why it cannot. */
function readFixtures(file: string): Fixtures {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${reason(error as NodeJS.ErrnoException)}`)
  }
  try {
    return JSON.parse(text) as Fixtures
  } catch (error) {
    throw new CommandError(`${file} is not JSON: ${(error as Error).message}`)
  }
}

/**
 * Loads trigger functions from a module: its default export if that is an object of functions, else its exported
 * functions, each by its export name (which a pool's LambdaConfig then names, as an ARN's function name or alone).
 */
async function readLambdas(file: string): Promise<Lambdas> {
  let module: Record<string, unknown>
  try {
    module = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>
  } catch (error) {
    throw new CommandError(`cannot load ${file}: ${(error as Error).message.split('\n')[0]}`)
  }
  const source =
    module['default'] !== null && typeof module['default'] === 'object'
      ? (module['default'] as Record<string, unknown>)
      : module
  const functions = Object.entries(source).filter(([, v]) => typeof v === 'function')
  if (functions.length === 0) throw new CommandError(`${file} exports no functions to use as Lambda triggers`)
  return Object.fromEntries(functions) as Lambdas
}

/** How to point the usual clients at the endpoint, printed when the server starts. */
/** `--https`, or `--cert` and `--key` (both, read as PEM text). */
function readHttps(https: boolean, cert: string | undefined, key: string | undefined) {
  if ((cert === undefined) !== (key === undefined)) throw new CommandError('--cert and --key go together')
  if (cert === undefined || key === undefined) return https ? (true as const) : undefined
  const read = (what: string, file: string) => {
    try {
      return readFileSync(file, 'utf8')
    } catch (error) {
      throw new CommandError(`cannot read the ${what} ${file}: ${reason(error as NodeJS.ErrnoException)}`)
    }
  }
  return { cert: read('certificate', cert), key: read('key', key) }
}

function banner(server: RunningCognitoServer, mode: string, region: string): string {
  const url = server.url.replace(/\/$/, '')
  return `cognito-idp-contract: a local Cognito on ${url} (mode ${mode}, ${server.data ? `data in ${server.data}` : 'in memory'}); Ctrl-C to stop
  console   ${url}/_cognito-idp-contract/ (open it in a browser: pools, users, codes sent, calls, triggers, state)
  AWS CLI   aws cognito-idp list-user-pools --max-results 10 --endpoint-url ${url} --region ${region}
  SDK       new CognitoIdentityProviderClient({ endpoint: '${url}', region: '${region}' })
  Amplify   Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: '${url}' } } })
  hosted UI ${url}/_domain/<domain>/oauth2/authorize (a pool's domain; discovery at ${url}/<poolId>/.well-known/openid-configuration)
  controls  ${url}/_cognito-idp-contract/<route> (health, reset, snapshot, fixtures, messages, invocations, users…; serve --help)
${exposure(server)}`
}

/** The warning of a server bound beyond loopback, with the control token it made (none to say on loopback). */
function exposure(server: RunningCognitoServer): string {
  if (isLoopback(new URL(server.url).hostname)) return ''
  return `  WARNING   bound beyond loopback: other machines can call the API and the hosted pages, which check no credentials.
            Control requests need the token: -H 'x-cognito-idp-contract-token: ${server.controlToken}'
`
}

/** `serve`: a local endpoint until interrupted. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'run a local Cognito over HTTP until interrupted',
  help: `usage: cognito-idp-contract serve [options]

Answers Cognito user pools calls over HTTP on loopback, from the stateful simulation and generated data. A pool's
domain (hosted sign-in page and OAuth 2.0 endpoints) answers at /_domain/<domain>/, its discovery document at
/<poolId>/.well-known/openid-configuration.

  --port N                              port (default 9229; 0 picks a free one)
  --host H                              interface (default 127.0.0.1)
  --data DIR                            keep the state in DIR across restarts (one server per directory)
  --fixtures FILE                       create these pools, clients and users at start (into an empty state) and
                                        again after each reset; JSON as simulation.seed() takes it
  --lambdas FILE                        an ES module whose exported functions are Lambda triggers, by export name
                                        (a pool's LambdaConfig names them: arn:aws:lambda:…:function:<name>)
  --contract FILE                       record the clients' traffic as a consumer contract, written to FILE (merged
                                        with what it holds) when the server stops; GET …/contract reads it live
  --consumer NAME                       the consumer's name in that contract
  --seed N                              seed of ids and generated data (default 0); secrets stay random
  --reproducible-secrets                draw passwords, codes, tokens and client secrets from the seed too and sign
                                        with published keys (golden tests only: anyone who knows the seed knows them)
  --allow-host NAME                     also answer requests naming this host (e.g. a compose service); repeatable
  --control-token T                     control requests must carry T (x-cognito-idp-contract-token, or
                                        Authorization: Bearer); also from COGNITO_IDP_CONTRACT_TOKEN. Bound beyond
                                        loopback without one, a random token is made and printed
  --mode auto|simulation|generated      where answers come from (default auto)
  --rate-limits                         enforce Cognito's request-rate quotas per API category (TooManyRequestsException
                                        "Rate exceeded" past the provisioned rate in a second), to test retries
  --https                               serve over HTTPS with a self-signed certificate for localhost, 127.0.0.1 and
                                        ::1 (kept in --data DIR/tls/), so a browser app can name the server as
                                        Amplify's oauth.domain ('127.0.0.1:9229'); tell the browser to trust it
  --cert FILE --key FILE                serve over HTTPS with this certificate and key (PEM)
  --quiet                               no line per request
  --log-json                            log each request as one JSON object per line

A browser opening the server's address gets its console (/_cognito-idp-contract/): the pools, their users (create, edit,
confirm, disable, delete), the codes sent, the calls and trigger invocations live, reset and snapshots. It uses the
control routes below and is protected as they are.

Controls, for test runners in any language (JSON bodies). They answer this machine's own tools only: a request from
a page of another origin is refused, and one that changes state needs the header x-cognito-idp-contract: 1 (or
Content-Type: application/json), e.g. curl -X POST -H 'x-cognito-idp-contract: 1' <url>/_cognito-idp-contract/reset
${routes}
`,
  async run(args, io) {
    const { values } = parse(
      args,
      {
        port: { type: 'string', default: '9229' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        fixtures: { type: 'string' },
        lambdas: { type: 'string' },
        contract: { type: 'string' },
        consumer: { type: 'string' },
        seed: { type: 'string', default: '0' },
        'reproducible-secrets': { type: 'boolean', default: false },
        'allow-host': { type: 'string', multiple: true },
        'control-token': { type: 'string' },
        mode: { type: 'string', default: 'auto' },
        'rate-limits': { type: 'boolean', default: false },
        https: { type: 'boolean', default: false },
        cert: { type: 'string' },
        key: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'log-json': { type: 'boolean', default: false },
      },
      false,
    )
    const port = integer('port', values.port, 0, 65535)
    const seed = integer('seed', values.seed)
    const mode: ResponseMode = oneOf('mode', values.mode, ['auto', 'simulation', 'generated'] as const)
    const fixtures = values.fixtures === undefined ? undefined : readFixtures(values.fixtures)
    const lambdas = values.lambdas === undefined ? undefined : await readLambdas(values.lambdas)
    const https = readHttps(values.https, values.cert, values.key)
    let server: RunningCognitoServer
    try {
      server = await startCognitoServer({
        port,
        host: values.host,
        seed,
        reproducibleSecrets: values['reproducible-secrets'],
        // Nothing outside reads calls() of the command's server: it keeps none of the requests it answered.
        callHistory: 0,
        allowHosts: values['allow-host'] ?? [],
        controlToken: values['control-token'] ?? (process.env['COGNITO_IDP_CONTRACT_TOKEN'] || undefined),
        mode,
        rateLimits: values['rate-limits'],
        ...(fixtures && { fixtures }),
        ...(lambdas && { lambdas }),
        ...(values.contract !== undefined && { contract: { file: values.contract, consumer: values.consumer } }),
        ...(values.data !== undefined && { data: values.data }),
        ...(https && { https }),
        ...(!values.quiet && { requestLog: (line: string) => io.stdout(`${line}\n`) }),
        requestLogFormat: values['log-json'] ? 'json' : 'text',
      })
    } catch (error) {
      const e = error as NodeJS.ErrnoException
      if (e.code === 'EADDRINUSE')
        throw new CommandError(`port ${port} on ${values.host} is in use; pick another with --port`)
      if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
        throw new CommandError(`cannot listen on ${values.host}: ${e.code}`)
      if (e.code === 'EACCES') throw new CommandError(`not allowed to listen on port ${port}; pick one above 1023`)
      if (e instanceof DataDirError) throw new CommandError(e.message)
      if (fixtures && values.fixtures)
        throw new CommandError(`the fixtures in ${values.fixtures} cannot be loaded: ${e.message}`)
      throw new CommandError(e.message)
    }
    io.stdout(banner(server, mode, server.mock.simulation.region))
    for (const note of server.notes) io.stderr(`cognito-idp-contract: ${note}\n`)
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    try {
      await server.close()
    } catch (error) {
      throw new CommandError(`stopped, but the contract could not be written: ${(error as Error).message}`)
    }
    return 0
  },
}
