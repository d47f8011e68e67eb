import { operations } from '../../../../schemas/operations.js'
import type { RecordedCall } from '../../../core/mock/calls.js'
import { redact } from '../../../core/mock/redact.js'
import { knownMembers } from '../../../core/validate/known-members.js'

/** How many calls the console keeps, newest last (chosen: a screenful of scrolling; older ones are dropped). */
export const KEPT_CALLS = 500
/** The longest request or answer a kept call holds, in characters of JSON (chosen; longer ones are cut). */
const KEPT_BODY = 16 * 1024

/** One line of the console's request log: what the request log prints, and an id to ask for the bodies by. */
export interface CallEntry {
  readonly id: number
  readonly time: string
  readonly region: string
  readonly operation: string
  readonly status: number
  readonly error?: string | undefined
  readonly source: string
  readonly ms: number
}

/** A kept call with its request and answer as JSON text, sensitive members masked as the mock's log masks them. */
export interface CallDetail extends CallEntry {
  readonly request: string
  readonly response: string
  readonly message?: string | undefined
}

/** JSON text of a value, cut at the bound with a note saying how long it was. */
function text(value: unknown): string {
  const json = JSON.stringify(value, null, 2) ?? 'null'
  return json.length <= KEPT_BODY ? json : `${json.slice(0, KEPT_BODY)}\n… (${json.length} characters, cut)`
}

/** The masked request and answer of a call: only members the operation models, sensitive ones as `***`. */
function bodies(call: RecordedCall): { request: string; response: string } {
  if (!call.operation) return { request: '(not an operation)', response: 'null' }
  const schema = operations[call.operation]
  return {
    request: text(redact(schema.input, knownMembers(schema.input, call.input))),
    response: call.error ? 'null' : text(redact(schema.output, call.output)),
  }
}

/** The latest calls answered, masked when they are kept (nothing secret is held in clear), bounded by count. */
export class CallLog {
  private kept: CallDetail[] = []
  private next = 1

  /** Keeps a call the mock answered, or one the console ran (`source: 'console'`); gives its entry. */
  add(call: RecordedCall, source = call.source as string): CallEntry {
    const detail: CallDetail = {
      id: this.next++,
      time: new Date(call.time).toISOString(),
      region: call.region,
      operation: call.operation ?? '-',
      status: call.error?.status ?? 200,
      ...(call.error && { error: call.error.type, message: call.error.message }),
      source,
      ms: call.ms,
      ...bodies(call),
    }
    this.kept.push(detail)
    if (this.kept.length > KEPT_CALLS + KEPT_CALLS / 10) this.kept = this.kept.slice(-KEPT_CALLS)
    return entryOf(detail)
  }

  /** The kept calls, newest first, of one operation and one status (or status class: `2xx`, `4xx`, `5xx`) when given. */
  list(filter: { readonly operation?: string | undefined; readonly status?: string | undefined } = {}): CallEntry[] {
    const out: CallEntry[] = []
    for (let i = this.kept.length - 1; i >= 0 && out.length < KEPT_CALLS; i--) {
      const call = this.kept[i]!
      if (filter.operation && call.operation !== filter.operation) continue
      if (filter.status && !statusMatches(call.status, filter.status)) continue
      out.push(entryOf(call))
    }
    return out
  }

  /** One kept call with its bodies, or undefined once it is dropped. */
  get(id: number): CallDetail | undefined {
    return this.kept.find((c) => c.id === id)
  }

  /** Forgets every call (a reset). */
  clear(): void {
    this.kept = []
  }
}

/** Whether a status is the one asked for: a number, or a class such as `4xx`. */
function statusMatches(status: number, wanted: string): boolean {
  return /^\dxx$/i.test(wanted) ? String(status)[0] === wanted[0] : String(status) === wanted
}

function entryOf(detail: CallDetail): CallEntry {
  const { request: _request, response: _response, message: _message, ...entry } = detail
  return entry
}
