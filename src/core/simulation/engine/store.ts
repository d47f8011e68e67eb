import { TABLES, type TableName } from '../schema.js'
import { IdGenerator } from './ids.js'
import { parentsOf, type StoredRow, Table, type TableDefinition, type TableHost } from './table.js'

type RowOf<D> = D extends TableDefinition<infer Row> ? Row : never

/** The tables of one (account, region) partition, typed by the schema. */
export type Tables = { readonly [N in TableName]: Table<RowOf<(typeof TABLES)[N]>> }

/** One account's resources in one region, as the real service keeps them apart. */
export interface Partition {
  readonly account: string
  readonly region: string
  readonly tables: Tables
}

/** The plain-JSON form of everything the simulation holds, as `snapshot()` returns it. */
export interface StoreSnapshot {
  readonly version: 2
  /** How many ids the seeded generator has issued. */
  readonly ids: number
  readonly partitions: ReadonlyArray<{
    readonly account: string
    readonly region: string
    readonly tables: { readonly [N in TableName]?: ReadonlyArray<StoredRow<unknown>> }
  }>
}

/** The version of snapshots this store writes and reads. */
export const SNAPSHOT_VERSION = 2

/** Tables whose rows belong to rows of `table`. */
const CHILDREN: ReadonlyMap<string, readonly TableName[]> = (() => {
  const map = new Map<string, TableName[]>()
  for (const [name, definition] of Object.entries(TABLES) as Array<[TableName, TableDefinition<unknown>]>) {
    for (const parent of parentsOf(definition.spec)) map.set(parent.table, [...(map.get(parent.table) ?? []), name])
  }
  return map
})()

/**
 * Every partition's tables, the seeded id generator and creation order, with transactions: a change made
 * inside `transaction` is undone entirely when it throws.
 */
export class Store {
  private readonly partitions = new Map<string, Partition>()
  readonly ids: IdGenerator
  private seq = 0
  private undo: Array<() => void> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private failed: Array<() => void> | undefined

  constructor(seed: number) {
    this.ids = new IdGenerator(seed)
  }

  /** The partition of an account and region, created empty when first used. */
  partition(account: string, region: string): Partition {
    const key = `${account}/${region}`
    let partition = this.partitions.get(key)
    if (!partition) {
      partition = { account, region, tables: this.createTables() }
      this.partitions.set(key, partition)
    }
    return partition
  }

  /** The partitions that hold anything. */
  occupied(): Partition[] {
    return [...this.partitions.values()].filter((p) =>
      Object.values(p.tables).some((t) => (t as Table<unknown>).size > 0),
    )
  }

  /**
   * Runs `change` once every change queued before it has finished, alone, in a transaction: if it throws or
   * rejects, every table change, id and sequence number it took is given back. Calls are answered one at a
   * time, as one Cognito partition would, so a change that awaits (a trigger, a signature) sees no other.
   */
  exclusive<T>(change: () => T | Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const undo: Array<() => void> = []
      const failed: Array<() => void> = []
      const ids = this.ids.counter
      const seq = this.seq
      this.undo = undo
      this.failed = failed
      try {
        return await change()
      } catch (error) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
        this.ids.counter = ids
        this.seq = seq
        this.undo = []
        for (const keep of failed) keep()
        throw error
      } finally {
        this.undo = undefined
        this.failed = undefined
      }
    }
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }

  /**
   * Registers a change to make if the open transaction fails, after its changes are undone: what a failed call
   * leaves behind in the real service too (a failed attempt counted, a lockout started).
   */
  whenFailed(change: () => void): void {
    if (this.failed) this.failed.push(change)
  }

  /** Runs `change` synchronously in a transaction of its own (or inside the one already open). */
  transaction<T>(change: () => T): T {
    if (this.undo) return change()
    const undo: Array<() => void> = []
    const ids = this.ids.counter
    const seq = this.seq
    this.undo = undo
    try {
      return change()
    } catch (error) {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
      this.ids.counter = ids
      this.seq = seq
      throw error
    } finally {
      this.undo = undefined
    }
  }

  /** Everything as plain JSON. */
  snapshot(): StoreSnapshot {
    return JSON.parse(
      JSON.stringify({
        version: SNAPSHOT_VERSION,
        ids: this.ids.counter,
        partitions: this.occupied().map((p) => ({
          account: p.account,
          region: p.region,
          tables: Object.fromEntries(
            Object.entries(p.tables)
              .filter(([, t]) => (t as Table<unknown>).size > 0)
              .map(([name, t]) => [name, (t as Table<unknown>).dump()]),
          ),
        })),
      }),
    ) as StoreSnapshot
  }

  /** Replaces everything with what a snapshot holds; refuses what is not a snapshot of this version. */
  restore(snapshot: StoreSnapshot): void {
    if (
      snapshot?.version !== SNAPSHOT_VERSION ||
      !Array.isArray(snapshot.partitions) ||
      typeof snapshot.ids !== 'number'
    ) {
      const seen = (snapshot as { version?: unknown } | null)?.version
      throw new TypeError(
        `cognito-idp-contract: not a snapshot of this simulation (expected version ${SNAPSHOT_VERSION}, got ${seen === undefined ? 'no version' : JSON.stringify(seen)})`,
      )
    }
    const copy = JSON.parse(JSON.stringify(snapshot)) as StoreSnapshot
    const loaded = new Map<string, Partition>()
    let max = 0
    for (const p of copy.partitions) {
      const partition: Partition = { account: p.account, region: p.region, tables: this.createTables() }
      for (const [name, rows] of Object.entries(p.tables)) {
        const table = partition.tables[name as TableName] as Table<unknown> | undefined
        if (!table)
          throw new TypeError(`cognito-idp-contract: the snapshot has a table this simulation does not know: ${name}`)
        table.load(rows ?? [])
        max = Math.max(max, table.maxSeq())
      }
      loaded.set(`${p.account}/${p.region}`, partition)
    }
    this.partitions.clear()
    for (const [key, partition] of loaded) this.partitions.set(key, partition)
    this.ids.counter = copy.ids
    this.seq = max
  }

  private createTables(): Tables {
    const host: TableHost = {
      nextSeq: () => ++this.seq,
      journal: (undo) => this.undo?.push(undo),
      cascade: (name, key) => {
        for (const child of CHILDREN.get(name) ?? []) {
          const table = tables[child] as Table<unknown>
          for (const row of table.children(key, name)) table.delete(TABLES[child].spec.key(row as never))
        }
      },
    }
    const tables = Object.fromEntries(
      Object.entries(TABLES).map(([name, definition]) => [
        name,
        new Table(name, (definition as TableDefinition<unknown>).spec, host),
      ]),
    ) as unknown as Tables
    return tables
  }
}
