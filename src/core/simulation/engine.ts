import { userPoolArn } from '../shared/arn.js'
import { IdGenerator } from './ids.js'
import { poolNotFound } from './errors.js'
import { emptyState, type PoolRecord, type State } from './state.js'

/** Options of a simulated Cognito. */
export interface SimulationOptions {
  /** The region of new pools. By default the region of the endpoint called (`us-east-1` when there is none). */
  readonly region?: string
  /** The account in ARNs. Default `123456789012`. */
  readonly accountId?: string
  /** The clock: epoch milliseconds or a Date. Default `Date.now`. */
  readonly clock?: () => number | Date
  /** Seed of the id generator: the same seed gives the same ids. Default 0. */
  readonly seed?: number
}

/** What an operation may learn about the call besides its input. */
export interface CallInfo {
  /** The region of the endpoint called, if it names one. */
  readonly region?: string | undefined
}

/** The state and services every simulated operation works with. */
export class Engine {
  state: State = emptyState()
  readonly ids: IdGenerator
  readonly region: string
  /** Whether the caller fixed the region, or new pools take the region of the endpoint called. */
  readonly fixedRegion: boolean
  readonly accountId: string
  private readonly clock: () => number | Date
  private seq = 0

  constructor(options: SimulationOptions = {}) {
    this.region = options.region ?? 'us-east-1'
    this.fixedRegion = options.region !== undefined
    this.accountId = options.accountId ?? '123456789012'
    this.clock = options.clock ?? Date.now
    this.ids = new IdGenerator(options.seed ?? 0)
  }

  /** The current time in epoch seconds, with milliseconds, as Cognito's timestamps travel. */
  now(): number {
    const t = this.clock()
    const ms = t instanceof Date ? t.getTime() : t
    return Math.round(ms) / 1000
  }

  /** The next creation sequence number. */
  nextSeq(): number {
    return ++this.seq
  }

  /** Restores the sequence counter after a snapshot is loaded. */
  resync(): void {
    let max = 0
    for (const pool of this.state.pools.values()) {
      max = Math.max(max, pool.seq)
      for (const p of pool.providers.values()) max = Math.max(max, p.seq)
      for (const c of pool.clients.values()) max = Math.max(max, c.seq)
    }
    this.seq = max
  }

  /** The pool with this id, or Cognito's ResourceNotFoundException. */
  pool(id: string): PoolRecord {
    const pool = this.state.pools.get(id)
    if (!pool) throw poolNotFound(id)
    return pool
  }

  /** The region a new pool gets for a call that came to `endpointRegion`. */
  regionFor(endpointRegion: string | undefined): string {
    return this.fixedRegion ? this.region : (endpointRegion ?? this.region)
  }

  /** The ARN of a user pool of this account. */
  poolArn(id: string): string {
    return userPoolArn(id, this.accountId)
  }
}
