import fc from 'fast-check'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { responseArbitrary } from '../arbitraries/arbitrary.js'
import type { ArbitraryOptions } from '../arbitraries/options.js'
import { markChecked, markText } from '../protocol/checked.js'
import { userPoolArn } from '../shared/arn.js'
import { deepFreeze } from '../shared/deep-freeze.js'
import { canonicalJson, hash32 } from '../shared/random.js'
import { validateOperation } from '../validate/validate-schema.js'

type Json = Record<string, unknown>

/** Puts the request's own identifiers (UserPoolId, ProviderName, ClientId...) where the response has members of those names. */
function echo(value: unknown, request: Json): unknown {
  if (Array.isArray(value)) return value.map((v) => echo(v, request))
  if (value === null || typeof value !== 'object') return value
  const out: Json = {}
  for (const [k, v] of Object.entries(value as Json))
    out[k] = typeof request[k] === 'string' && typeof v === 'string' ? request[k] : echo(v, request)
  const poolId = request['UserPoolId']
  if (
    typeof poolId === 'string' &&
    typeof out['Id'] === 'string' &&
    typeof out['Arn'] === 'string' &&
    out['Arn'].includes(':userpool/')
  ) {
    out['Id'] = poolId
    out['Arn'] = userPoolArn(poolId, out['Arn'].split(':')[4]!)
  }
  return out
}

/** Draws a response from the arbitraries, the same one for the same seed and request. */
export class GeneratedResponses {
  private readonly arbitraries = new Map<OperationName, fc.Arbitrary<unknown>>()

  constructor(
    private readonly seed: number,
    private readonly options: ArbitraryOptions,
  ) {}

  /** Answers already made, by operation and canonical request: the same request gets the same answer, drawn once. */
  private readonly answers = new Map<string, unknown>()

  /**
   * The response to `input`, echoing its identifiers where that keeps the response valid: drawn once per distinct
   * request, then the same answer each time, frozen (`calls()` hands responses to tests, which must not change what
   * the next call gets; chosen over a copy per call, which parsing made half of a repeated call's cost).
   */
  respond(operation: OperationName, input: Json): unknown {
    const key = `${operation}:${canonicalJson(input)}`
    let answer = this.answers.get(key)
    if (answer === undefined) {
      const drawn = this.draw(operation, input, key)
      // The text is what goes on the wire, so the answer is not serialised again.
      answer = markText(deepFreeze(drawn.value), JSON.stringify(drawn.value))
      // Validated once, when drawn: the protocol need not validate it again (an invalid draw it still refuses).
      if (drawn.valid) markChecked(answer)
      // Chosen bound: a long run of distinct requests starts the cache afresh rather than growing without end.
      if (this.answers.size >= 10_000) this.answers.clear()
      this.answers.set(key, answer)
    }
    return answer
  }

  private draw(operation: OperationName, input: Json, key: string): { value: unknown; valid: boolean } {
    let arb = this.arbitraries.get(operation)
    if (!arb) {
      arb = responseArbitrary(operation, this.options)
      this.arbitraries.set(operation, arb)
    }
    const seed = hash32(key, this.seed)
    const [drawn] = fc.sample(arb, { seed, numRuns: 1 })
    const echoed = echo(drawn, input)
    const echoedValid = validateOperation(operations[operation], 'response', echoed).valid
    let response = (echoedValid ? echoed : drawn) as Json
    // Pages end: a request that continues from a token gets the last page, so paginators terminate (chosen: two pages).
    const paginator = (
      operations[operation] as {
        paginator?: { inputToken: string; outputToken: string; limitKey?: string; resultKey: string }
      }
    ).paginator
    if (paginator && input[paginator.inputToken] !== undefined && paginator.outputToken in response) {
      const { [paginator.outputToken]: _ended, ...last } = response
      response = last
    }
    // A page holds no more items than the request's limit asked for (`verify` checks it).
    if (paginator?.limitKey !== undefined) {
      const limit = input[paginator.limitKey]
      const items = response[paginator.resultKey]
      if (typeof limit === 'number' && Array.isArray(items) && items.length > limit)
        response = { ...response, [paginator.resultKey]: items.slice(0, limit) }
    }
    const valid = response === echoed || validateOperation(operations[operation], 'response', response).valid
    return { value: response, valid }
  }
}
