import { type OperationName, operations } from '../../../schemas/operations.js'
import { service } from '../../../schemas/service.js'
import { knownMembers } from '../validate/known-members.js'
import { validateOperation } from '../validate/validate-schema.js'
import { accountOf, credentialScope, regionOf } from './caller.js'
import { isChecked, knownText } from './checked.js'
import { MAX_NESTING, nestsDeeperThan } from './depth.js'
import { acceptableRequest, acceptableResponse } from './discrepancies.js'
import { failure, success } from './envelope.js'
import { CognitoError, isCognitoError } from './errors.js'
import type { WireRequest, WireResponse } from './types.js'

/** Response texts already found acceptable, by operation (bounded: cleared when full). */
const acceptedBodies = new Map<string, Set<string>>()
let acceptedCount = 0

/** What a backend learns about the call besides its input. */
export interface CallContext {
  readonly operation: OperationName
  readonly requestId: string
  /** The region the call reached: the endpoint's host (`cognito-idp.eu-west-1.amazonaws.com`), else the SigV4 credential scope, if either names one. */
  readonly region: string | undefined
  /** The account of the caller's credentials, where they name one (an access key id of twelve digits). */
  readonly account: string | undefined
  readonly request: WireRequest
}

/** Answers a validated request: returns the output or throws a CognitoError. */
export type Backend = (operation: OperationName, input: Record<string, unknown>, context: CallContext) => unknown

/** How the core reports what it did, for recording and logs. */
export interface Exchange {
  readonly operation: OperationName | undefined
  readonly input: unknown
  readonly output?: unknown | undefined
  readonly error?: { readonly type: string; readonly message: string; readonly status: number } | undefined
  readonly requestId: string
}

/** Options of the protocol core. */
export interface ProtocolOptions {
  /** Makes request ids; random UUIDs by default. */
  readonly requestId?: (() => string) | undefined
  /** Called once per exchange, after the response is settled. */
  readonly onExchange?: ((exchange: Exchange) => void) | undefined
}

const TARGET_PREFIX = `${service.targetPrefix}.`
const JSON_TYPES = new Set(['application/x-amz-json-1.1', 'application/json'])

/** The request's headers by lower-case name (one pass, however many are read). */
function lowerHeaders(request: WireRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const k in request.headers) if (Object.hasOwn(request.headers, k)) out[k.toLowerCase()] = request.headers[k]
  return out
}

function randomId(): string {
  return globalThis.crypto.randomUUID()
}

/**
 * The awsJson 1.1 wire protocol as Cognito speaks it, as a function from request to response:
 * routing on `X-Amz-Target`, Cognito's errors for bad requests, validation with Cognito's messages,
 * and the response validated against its schema before it leaves.
 */
export async function handleWire(
  request: WireRequest,
  backend: Backend,
  options: ProtocolOptions = {},
): Promise<WireResponse> {
  const requestId = (options.requestId ?? randomId)()
  let operation: OperationName | undefined
  let input: unknown
  const settle = (response: WireResponse, output?: unknown, error?: Exchange['error']): WireResponse => {
    options.onExchange?.({ operation, input, output, error, requestId })
    return response
  }
  const fail = (status: number, type: string, message: string): WireResponse =>
    settle(failure(requestId, status, type, message), undefined, { type, message, status })
  try {
    // Seen from Cognito for a request it could not route at all (2018): 404 with this body.
    if (request.method.toUpperCase() !== 'POST' || !/^https?:\/\/[^/]+\/?(\?.*)?$/.test(request.url)) {
      return settle({
        status: 404,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
        body: JSON.stringify({
          code: 'BadRequest',
          message: 'The server did not understand the operation that was requested.',
          type: 'client',
        }),
      })
    }
    const headers = lowerHeaders(request)
    const target = headers['x-amz-target']
    const name = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined
    if (!name || !Object.hasOwn(operations, name))
      return fail(
        400,
        'UnknownOperationException',
        `The operation ${target ?? '(no X-Amz-Target)'} is not known to ${service.serviceFullName}.`,
      )
    operation = name as OperationName
    const contentType = headers['content-type']?.split(';')[0]?.trim().toLowerCase()
    if (contentType !== undefined && !JSON_TYPES.has(contentType))
      return fail(400, 'SerializationException', `Unsupported content type: ${contentType}`)
    // Chosen status and wording for a body nested past the limit, checked before any recursive work.
    if (nestsDeeperThan(request.body))
      return fail(400, 'SerializationException', `Request nests deeper than ${MAX_NESTING} levels.`)
    try {
      input = request.body.trim() === '' ? {} : (JSON.parse(request.body) as unknown)
    } catch {
      return fail(400, 'SerializationException', 'Start of structure or map found where not expected.')
    }
    const descriptor = operations[operation]
    const checked = validateOperation(descriptor, 'request', input)
    if (!checked.valid && !acceptableRequest(operation, input, checked))
      return fail(400, checked.exception, checked.message)
    input = knownMembers(descriptor.input, input)
    const scope = credentialScope(headers['authorization'])
    const region = regionOf(request.url) ?? scope?.region
    const output = await backend(operation, (input ?? {}) as Record<string, unknown>, {
      operation,
      requestId,
      region,
      account: accountOf(scope),
      request,
    })
    const answered = success(requestId, output ?? {}, knownText(output))
    // A response its maker already validated (generated ones), or one just like a response found acceptable
    // before (the simulation answers the same state with the same text), is not validated again.
    let accepted = acceptedBodies.get(operation)
    const known = isChecked(output) || accepted?.has(answered.body) === true
    if (!known) {
      const honest = validateOperation(descriptor, 'response', output ?? {})
      if (!acceptableResponse(operation, honest)) {
        throw new CognitoError(
          'InternalErrorException',
          `cognito-idp-contract: the ${operation} response is not valid against its schema: ${honest.valid ? '' : honest.message}`,
        )
      }
      if (acceptedCount >= 256) {
        acceptedBodies.clear()
        acceptedCount = 0
        accepted = undefined
      }
      // Chosen bound: large answers (long lists) are validated each time rather than kept.
      if (answered.body.length <= 65_536) {
        if (!accepted) acceptedBodies.set(operation, (accepted = new Set()))
        accepted.add(answered.body)
        acceptedCount++
      }
    }
    return settle(answered, output ?? {})
  } catch (error) {
    if (isCognitoError(error)) return fail(error.status, error.name, error.message)
    return fail(
      500,
      'InternalErrorException',
      `cognito-idp-contract: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}
