import type { OperationName } from '../../../schemas/operations.js'
import type { RecordedCall } from './calls.js'

/** How many of the latest calls `calls()` keeps unless `callHistory` says otherwise. */
const DEFAULT_CALL_HISTORY = 10_000
/** How far past the limit the history may grow before the oldest calls are dropped. */
const HISTORY_SLACK = 1_000
/** How many characters of request bodies the kept calls may hold together unless `callHistoryBytes` says otherwise (chosen). */
const DEFAULT_HISTORY_CHARACTERS = 64 * 1024 * 1024

/** The calls answered so far, bounded by their count and by the size of their request bodies. */
export class CallHistory {
  private readonly history: number
  private readonly historyCharacters: number
  private recorded: RecordedCall[] = []
  /** The request body's length of each kept call, and their sum: the history is bounded by both count and size. */
  private sizes: number[] = []
  private held = 0

  /** A history bounded as the `callHistory` and `callHistoryBytes` options say. */
  constructor(options: { readonly callHistory?: number | undefined; readonly callHistoryBytes?: number | undefined }) {
    this.history = Math.max(0, options.callHistory ?? DEFAULT_CALL_HISTORY)
    this.historyCharacters = Math.max(0, options.callHistoryBytes ?? DEFAULT_HISTORY_CHARACTERS)
  }

  /** Keeps a call whose request body had `size` characters, dropping the oldest past the bounds. */
  add(call: RecordedCall, size: number): void {
    const { recorded, sizes, history, historyCharacters } = this
    recorded.push(call)
    sizes.push(size)
    this.held += size
    // Chosen: older calls are dropped in batches, so keeping the history bounded costs one splice per batch.
    if (recorded.length > history + HISTORY_SLACK || this.held > historyCharacters) {
      let drop = recorded.length > history + HISTORY_SLACK ? recorded.length - history : 0
      let left = this.held
      for (let i = 0; i < drop; i++) left -= sizes[i]!
      // Past the size bound, the oldest go until what is kept holds at most half of it.
      if (left > historyCharacters)
        while (left > historyCharacters / 2 && drop < recorded.length) left -= sizes[drop++]!
      recorded.splice(0, drop)
      sizes.splice(0, drop)
      this.held = left
    }
  }

  /** The kept calls, optionally for one operation. */
  calls<K extends OperationName = OperationName>(
    filter?: K | { readonly operation?: K | undefined },
  ): RecordedCall<K>[] {
    const operation = typeof filter === 'object' ? filter.operation : filter
    return this.recorded.filter(
      (c) => operation === undefined || c.operation === operation,
    ) as unknown as RecordedCall<K>[]
  }

  /** The kept calls to operations excluded from the handlers. */
  unhandled(): RecordedCall[] {
    return this.recorded.filter((c) => c.unhandled)
  }

  /** Forgets every call. */
  reset(): void {
    this.recorded = []
    this.sizes = []
    this.held = 0
  }
}
