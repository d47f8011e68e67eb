import { type OperationName, operations } from '../../../../schemas/operations.js'
import { acceptableRequest } from '../../../core/protocol/discrepancies.js'
import { validateOperation } from '../../../core/validate/validate-schema.js'
import { checkInvalid, checkValid, deviation } from './checks.js'
import { type Created, chain, invalidRequests, validRequests } from './requests.js'
import { createResources, deletePools, findAgain, type Step } from './resources.js'
import type { Credentials } from './sign.js'
import { type Deviation, type OperationResult, VerifyError, type VerifyOptions, type VerifyReport } from './types.js'
import { type Answer, unsupported, Wire } from './wire.js'

/** Hosts where the run would create resources in someone's AWS account. */
const AWS_HOST = /(?:^|\.)(?:amazonaws\.com(?:\.cn)?|api\.aws)$/

/** The default name prefix of what a run creates. */
export const VERIFY_PREFIX = 'cognito-idp-contract-verify-'

/** Operations that take away what later calls use: run last, DeleteUserPool the very last. */
function destructive(op: string): number {
  if (op === 'DeleteUserPool') return 2
  return /^(?:Admin)?(?:Delete|Remove|Disable|Forget|Revoke)|GlobalSignOut$|^AdminUserGlobalSignOut$/.test(op) ? 1 : 0
}

function seedOf(seed: number, op: string): number {
  let h = 2166136261
  for (const ch of op) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  return (seed ^ h) >>> 0
}

function credentialsFrom(options: VerifyOptions): Credentials {
  if (options.credentials) return options.credentials
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {}
  if (env['AWS_ACCESS_KEY_ID'] && env['AWS_SECRET_ACCESS_KEY'])
    return {
      accessKeyId: env['AWS_ACCESS_KEY_ID'],
      secretAccessKey: env['AWS_SECRET_ACCESS_KEY'],
      sessionToken: env['AWS_SESSION_TOKEN'],
    }
  return { accessKeyId: 'test', secretAccessKey: 'test' }
}

const ok = (a: Answer) => a.status >= 200 && a.status < 300

/** Checks a paginated operation: pages no larger than asked, tokens never repeating, an end within 200 pages. */
async function paginate(
  wire: Wire,
  operation: OperationName,
  created: Created,
  seed: number,
  record: (request: unknown, answer: Answer, found: Deviation[]) => void,
): Promise<void> {
  const paginator = (operations[operation] as { paginator?: Record<string, string> }).paginator
  if (!paginator) return
  const { inputToken, outputToken, limitKey, resultKey } = paginator as Record<string, string | undefined>
  const [drawn] = validRequests(operation, seed, 1)
  const request = chain(operation, drawn, created, 0)
  delete request[inputToken!]
  const limit = 2
  if (limitKey) request[limitKey] = limit
  const seen = new Set<string>()
  for (let page = 0; page < 200; page++) {
    const answer = await wire.send(operation, request)
    const found = checkValid(operation, request, answer)
    if (!ok(answer)) return record(request, answer, found)
    const items = resultKey ? ((answer.json as Record<string, unknown>)[resultKey] as unknown[] | undefined) : undefined
    // A page that breaks the schema (say, echoing what an earlier invalid request stored) still shows its size.
    if (limitKey && Array.isArray(items) && items.length > limit)
      return record(request, answer, [
        ...found,
        deviation(
          'pagination',
          `a page of ${items.length} ${resultKey} where ${limitKey} was ${limit}`,
          operation,
          request,
          answer,
        ),
      ])
    if (found.length) return record(request, answer, found)
    const token = (answer.json as Record<string, unknown>)[outputToken!]
    if (typeof token !== 'string' || token === '') return record(request, answer, [])
    if (seen.has(token))
      return record(request, answer, [
        deviation(
          'pagination',
          `the ${outputToken} ${JSON.stringify(token)} came back a second time`,
          operation,
          request,
          answer,
        ),
      ])
    seen.add(token)
    request[inputToken!] = token
  }
  record(request, { status: 200, text: '', json: {}, errorType: undefined, message: undefined }, [
    deviation('pagination', 'the listing did not end within 200 pages', operation, request),
  ])
}

/**
 * Checks that a provider (a local emulator, a stand-in, real Cognito with `allowAws`) honours the contract: it
 * creates a pool, client, provider, group and user under a unique prefix, drives each operation with valid and
 * invalid requests from the arbitraries, follows paginators, reads back what it created, and deletes it all.
 */
export async function verifyProvider(options: VerifyOptions): Promise<VerifyReport> {
  let endpoint: URL
  try {
    endpoint = new URL(options.endpoint)
  } catch {
    throw new VerifyError(`${options.endpoint} is not a URL`)
  }
  if (AWS_HOST.test(endpoint.hostname) && !options.allowAws)
    throw new VerifyError(
      `${endpoint.host} is an AWS endpoint: verify creates and deletes user pools there; allow it with allowAws (--allow-aws)`,
    )
  const region = options.region ?? /cognito-idp(?:-fips)?\.([a-z0-9-]+)\./.exec(endpoint.hostname)?.[1] ?? 'us-east-1'
  const wire = new Wire(endpoint, region, credentialsFrom(options), options.timeout ?? 10_000)
  const seed = options.seed ?? 0
  const runs = options.runs ?? 2
  const prefix = options.prefix ?? VERIFY_PREFIX
  try {
    await wire.send('ListUserPools', { MaxResults: 1 })
  } catch (error) {
    throw new VerifyError(`cannot reach ${endpoint.href}: ${(error as Error).cause ?? (error as Error).message}`)
  }
  const stopped = () => options.signal?.aborted === true
  const leftovers = await deletePools(wire, prefix)
  const created: Created = { run: `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}` }
  const results: OperationResult[] = []
  let cleanup = { deleted: 0, failed: [] as string[] }
  try {
    const steps: Step[] = []
    await createResources(wire, created, steps)
    if (!stopped()) await findAgain(wire, created, steps)
    const selected = [...(options.operations ?? (Object.keys(operations) as OperationName[]))]
      .filter((op, i, all) => Object.hasOwn(operations, op) && all.indexOf(op) === i)
      .sort((a, b) => destructive(a) - destructive(b) || (a < b ? -1 : 1))
    for (const operation of selected) {
      if (stopped()) break
      let checks = 0
      const deviations: Deviation[] = []
      let note: string | undefined
      let supported = 0
      const record = (_request: unknown, answer: Answer, found: readonly Deviation[]) => {
        checks++
        if (unsupported(answer)) note ??= answer.message ?? answer.errorType ?? `status ${answer.status}`
        else {
          supported++
          deviations.push(...found)
        }
      }
      for (const s of steps.filter((s) => s.operation === operation)) record(undefined, s.answer, s.deviations)
      const opSeed = seedOf(seed, operation)
      const send = async (request: Record<string, unknown>): Promise<Answer | undefined> => {
        try {
          return await wire.send(operation, request)
        } catch (error) {
          checks++
          deviations.push(deviation('transport', `no answer: ${(error as Error).message}`, operation, request))
          return undefined
        }
      }
      for (const [i, drawn] of validRequests(operation, opSeed, runs).entries()) {
        if (stopped()) break
        const request = chain(operation, drawn, created, i + 1)
        const answer = await send(request)
        if (answer) record(request, answer, unsupported(answer) ? [] : checkValid(operation, request, answer))
      }
      for (const [i, sample] of invalidRequests(operation, opSeed, runs).entries()) {
        if (stopped()) break
        const request = chain(operation, sample.value, created, runs + i + 1, sample.violation.at[0])
        // A request real Cognito takes despite the model (a custom domain) is no test of validation.
        if (acceptableRequest(operation, request, validateOperation(operations[operation], 'request', request)))
          continue
        const answer = await send(request)
        if (answer) record(request, answer, unsupported(answer) ? [] : checkInvalid(operation, sample, request, answer))
      }
      if (!stopped()) await paginate(wire, operation, created, opSeed, record)
      const result: OperationResult = {
        operation,
        // Unsupported when nothing was answered but "not implemented"; a flow or option that is not is a note.
        status: deviations.length ? 'deviating' : supported === 0 && note ? 'unsupported' : 'conforming',
        checks,
        deviations,
        ...(note !== undefined && { note }),
      }
      results.push(result)
      options.onResult?.(result)
    }
  } finally {
    cleanup = await deletePools(wire, created.run).catch((error: Error) => ({ deleted: 0, failed: [error.message] }))
  }
  const count = (status: OperationResult['status']) => results.filter((r) => r.status === status).length
  return {
    endpoint: endpoint.href,
    region,
    seed,
    prefix: created.run,
    interrupted: stopped(),
    operations: results.sort((a, b) => (a.operation < b.operation ? -1 : 1)),
    summary: { conforming: count('conforming'), deviating: count('deviating'), unsupported: count('unsupported') },
    cleanup: {
      deleted: cleanup.deleted,
      leftovers: leftovers.deleted,
      failed: [...leftovers.failed, ...cleanup.failed],
    },
  }
}
