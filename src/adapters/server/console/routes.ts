import { randomUUID } from 'node:crypto'
import type { RecordedCall } from '../../../core/mock/calls.js'
import { isCognitoError } from '../../../core/protocol/errors.js'
import type { Cognito } from '../../../core/simulation/index.js'
import type { CallEntry, CallLog } from './calls.js'
import { describePool, listPools, type Place } from './pool-routes.js'
import type { SignIns } from './sign-ins.js'
import { listUsers } from './user-routes.js'

/** A console route's answer: a status and a JSON body. */
export interface RouteAnswer {
  readonly status: number
  readonly body?: unknown
}

/** What the console's routes read and keep. */
export interface RouteState {
  readonly calls: CallLog
  readonly signIns: SignIns
  /** Told of each operation the console ran, with its line of the request log. */
  ran(entry: CallEntry): void
}

/** A mistake in a console request: 400 with its message. */
function mistake(message: string): Error {
  return Object.assign(new Error(message), { status: 400, name: 'BadRequest' })
}

function placeOf(url: URL, simulation: Cognito): Place {
  return {
    account: url.searchParams.get('accountId') || simulation.accountId,
    region: url.searchParams.get('region') || undefined,
  }
}

function poolOf(url: URL): string {
  const id = url.searchParams.get('userPoolId')
  if (!id) throw mistake('the query needs userPoolId (and accountId and region when they are not the defaults)')
  return id
}

/** Runs one of the simulation's operations for the console (or a script), recorded in the console's request log. */
async function send(body: string, simulation: Cognito, state: RouteState): Promise<RouteAnswer> {
  let parsed: { operation?: unknown; input?: unknown; accountId?: unknown; region?: unknown }
  try {
    parsed = (JSON.parse(body) ?? {}) as typeof parsed
  } catch (error) {
    throw mistake(`the body is not JSON: ${(error as Error).message}`)
  }
  const { operation, input = {}, accountId, region } = parsed
  if (typeof operation !== 'string' || typeof input !== 'object' || input === null || Array.isArray(input))
    throw mistake(
      'the body must be {"operation": "<name>", "input": {...}, "accountId"?: "<id>", "region"?: "<region>"}',
    )
  if (!simulation.implements(operation))
    throw mistake(`${operation} is not an operation the simulation runs; see cognito-idp-contract ops`)
  const place = {
    account: typeof accountId === 'string' && accountId ? accountId : simulation.accountId,
    ...(typeof region === 'string' && region && { region }),
  }
  const start = performance.now()
  const answered = (output: unknown, error?: { type: string; message: string; status: number }): RecordedCall => ({
    operation,
    input,
    output,
    error,
    requestId: randomUUID(),
    time: Date.now(),
    unhandled: false,
    source: 'simulation',
    region: simulation.regionOf(input, place),
    ms: Math.round((performance.now() - start) * 10) / 10,
  })
  try {
    const output = await simulation.send(operation, input as never, place)
    state.ran(state.calls.add(answered(output), 'console'))
    return { status: 200, body: output }
  } catch (error) {
    if (!isCognitoError(error)) throw error
    const refusal = { type: error.name, message: error.message, status: error.status }
    state.ran(state.calls.add(answered(undefined, refusal), 'console'))
    return { status: error.status, body: { type: error.name, message: error.message } }
  }
}

/** Answers a console route (`GET pools`, `POST send`…), or undefined for a route that is not one. */
export async function consoleRoute(
  route: string,
  request: { readonly url: URL; readonly body: string },
  simulation: Cognito,
  state: RouteState,
): Promise<RouteAnswer | undefined> {
  const { url } = request
  switch (route) {
    case 'GET pools':
      return { status: 200, body: await listPools(simulation) }
    case 'GET pool':
      return { status: 200, body: await describePool(simulation, poolOf(url), placeOf(url, simulation)) }
    case 'GET users': {
      const limit = url.searchParams.get('limit')
      const query = {
        userPoolId: poolOf(url),
        filter: url.searchParams.get('filter') ?? undefined,
        paginationToken: url.searchParams.get('paginationToken') ?? undefined,
        ...(limit !== null && { limit: Number(limit) }),
      }
      return { status: 200, body: await listUsers(simulation, state.signIns, query, placeOf(url, simulation)) }
    }
    case 'POST send':
      return send(request.body, simulation, state)
    case 'GET calls': {
      const filter = {
        operation: url.searchParams.get('operation') ?? undefined,
        status: url.searchParams.get('status') ?? undefined,
      }
      return { status: 200, body: { calls: state.calls.list(filter) } }
    }
  }
  const one = /^GET calls\/(\d+)$/.exec(route)
  if (one) {
    const call = state.calls.get(Number(one[1]))
    return call
      ? { status: 200, body: call }
      : { status: 404, body: { message: `no call ${one[1]} is kept (the console keeps the latest ones)` } }
  }
  return undefined
}
