import type { CognitoMock } from '../../core/mock/mock.js'
import type {
  AuthEventFilter,
  Fixtures,
  InvocationFilter,
  MessageFilter,
  RiskSetting,
} from '../../core/simulation/index.js'
import type { ServerConsole } from './console/index.js'

/** The path under which the server answers its own control requests; Cognito has no route that starts so. */
export const CONTROL_PATH = '/_cognito-idp-contract/'

/** A control request as the server read it. */
export interface ControlRequest {
  readonly method: string
  readonly url: URL
  readonly body: string
}

/** A control response: a status and a JSON body (none for 204). */
export interface ControlResponse {
  readonly status: number
  readonly body?: unknown
}

/** What the control endpoints act on. */
export interface ControlTarget {
  readonly mock: CognitoMock
  /** Puts the simulation back to its start: empty, then the fixtures given at start. */
  reset(): Promise<void>
  readonly about: Readonly<Record<string, unknown>>
  /** The web console, whose JSON routes are control routes too. */
  readonly console?: ServerConsole | undefined
}

/** The members of a filter a query string gives (`?username=jane&kind=SignUp`), of those named. */
function queryFilter(url: URL, keys: readonly string[]): Record<string, string> {
  const filter: Record<string, string> = {}
  for (const key of keys) {
    const value = url.searchParams.get(key)
    if (value !== null) filter[key] = value
  }
  return filter
}

function json(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch (error) {
    throw Object.assign(new Error(`the body is not JSON: ${(error as Error).message}`), { status: 400 })
  }
}

/** The documented routes: what they do, for `serve --help`, the README and 404 answers. */
export const CONTROL_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['GET  /_cognito-idp-contract/health', 'mode, region, data directory, operations simulated'],
  ['POST /_cognito-idp-contract/reset', 'empty the simulation, then load the --fixtures again'],
  ['GET  /_cognito-idp-contract/snapshot', 'the whole state as JSON'],
  ['PUT  /_cognito-idp-contract/snapshot', 'replace the state with a snapshot (the body)'],
  ['POST /_cognito-idp-contract/fixtures', 'create pools, clients, providers, groups and users (the body)'],
  ['GET  /_cognito-idp-contract/messages', 'emails and texts sent; ?username=&destination=&kind=&userPoolId='],
  ['GET  /_cognito-idp-contract/invocations', 'Lambda trigger calls; ?trigger=&triggerSource=&userPoolId=&userName='],
  [
    'GET  /_cognito-idp-contract/auth-events',
    "threat protection's auth events; ?userPoolId=&username=&eventType=&response=&decision=",
  ],
  ['POST /_cognito-idp-contract/risk', 'threat protection: the risk of the next sign-ins (the body: a RiskSetting)'],
  [
    'POST /_cognito-idp-contract/compromised-passwords',
    'threat protection: passwords a pool treats as compromised ({userPoolId, passwords})',
  ],
  ['GET  /_cognito-idp-contract/contract', 'the consumer contract recorded so far (serve --contract FILE)'],
  ['GET  /_cognito-idp-contract/', 'the console: a web page over these routes (a browser asking for / is sent there)'],
  [
    'GET  /_cognito-idp-contract/events',
    'server-sent events: call (a line of the request log), change (reread the state)',
  ],
  ['GET  /_cognito-idp-contract/pools', 'every user pool, by account and region'],
  [
    'GET  /_cognito-idp-contract/pool',
    "a pool's settings, MFA, clients (secrets masked), domain, providers, groups; ?userPoolId=&accountId=&region=",
  ],
  [
    'GET  /_cognito-idp-contract/users',
    'a page of ListUsers with groups, MFA, devices, last sign-in; ?userPoolId=&filter=&limit=&paginationToken=',
  ],
  [
    'POST /_cognito-idp-contract/send',
    "run a simulated operation ({operation, input, accountId?, region?}); Cognito's error when it refuses",
  ],
  ['GET  /_cognito-idp-contract/calls', 'the latest calls, newest first; ?operation=&status= (e.g. 400 or 4xx)'],
  [
    'GET  /_cognito-idp-contract/calls/<id>',
    "a call's request and answer, sensitive members masked as the log masks them",
  ],
]

const LEVELS = new Set(['Low', 'Medium', 'High'])

/** A risk setting from a request body, refused with a message naming its form when it is not one. */
function riskSetting(body: unknown): RiskSetting {
  const b = (body ?? {}) as Record<string, unknown>
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string'
  if (
    typeof b['userPoolId'] !== 'string' ||
    !optionalString(b['username']) ||
    !optionalString(b['ipAddress']) ||
    !(b['level'] === null || LEVELS.has(b['level'] as string)) ||
    !(b['times'] === undefined || (Number.isInteger(b['times']) && (b['times'] as number) > 0))
  )
    throw new Error(
      'the body must be {"userPoolId": "<id>", "username" or "ipAddress": "<...>", "level": "Low"|"Medium"|"High"|null, "times"?: <n>}',
    )
  return b as unknown as RiskSetting
}

/** Answers a control request, or an error naming what went wrong. */
export async function control(request: ControlRequest, target: ControlTarget): Promise<ControlResponse> {
  const route = `${request.method.toUpperCase()} ${request.url.pathname.slice(CONTROL_PATH.length).replace(/\/$/, '')}`
  try {
    switch (route) {
      case 'GET health':
        return { status: 200, body: { status: 'ok', ...target.about } }
      case 'POST reset':
        await target.reset()
        target.console?.cleared('reset')
        return { status: 204 }
      case 'GET snapshot':
        return { status: 200, body: target.mock.simulation.snapshot() }
      case 'PUT snapshot':
      case 'POST snapshot':
        target.mock.simulation.restore(json(request.body) as never)
        target.console?.changed('restore')
        return { status: 204 }
      case 'POST fixtures': {
        const pools = await target.mock.simulation.seed(json(request.body) as Fixtures)
        target.console?.changed('fixtures')
        return { status: 200, body: { userPools: pools.map((p) => ({ Id: p.Id, Name: p.Name })) } }
      }
      case 'GET messages': {
        const filter = queryFilter(request.url, ['userPoolId', 'username', 'destination', 'kind', 'medium'])
        return { status: 200, body: target.mock.messages(filter as MessageFilter) }
      }
      case 'GET invocations': {
        const filter = queryFilter(request.url, ['trigger', 'triggerSource', 'userPoolId', 'userName'])
        return { status: 200, body: target.mock.invocations(filter as InvocationFilter) }
      }
      case 'GET auth-events': {
        const filter = queryFilter(request.url, ['userPoolId', 'username', 'eventType', 'response', 'decision'])
        return { status: 200, body: target.mock.authEvents(filter as AuthEventFilter) }
      }
      case 'POST risk':
        await target.mock.simulation.setRisk(riskSetting(json(request.body)))
        return { status: 204 }
      case 'POST compromised-passwords': {
        const body = json(request.body) as { userPoolId?: unknown; passwords?: unknown }
        if (
          typeof body?.userPoolId !== 'string' ||
          !Array.isArray(body.passwords) ||
          !body.passwords.every((p) => typeof p === 'string')
        )
          throw new Error('the body must be {"userPoolId": "<id>", "passwords": ["<password>", ...]}')
        await target.mock.simulation.addCompromisedPasswords(body.userPoolId, body.passwords as string[])
        return { status: 204 }
      }
      case 'GET contract':
        return { status: 200, body: target.mock.contract() }
      default: {
        const answer = await target.console?.route(route, request, target.mock.simulation)
        if (answer) return answer
        return {
          status: 404,
          body: { message: `no control route ${route}; the routes are:`, routes: CONTROL_ROUTES.map(([r]) => r) },
        }
      }
    }
  } catch (error) {
    const named = (error as Error).name
    const status =
      named === 'ResourceNotFoundException' || named === 'UserNotFoundException'
        ? 404
        : ((error as { status?: number }).status ?? 400)
    return { status, body: { message: (error as Error).message, type: (error as Error).name } }
  }
}
