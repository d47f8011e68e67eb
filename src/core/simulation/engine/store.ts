import { IdGenerator } from './ids.js'
import { RandomSecrets, type SecretSource } from './secrets.js'
import { parentsOf, type StoredRow, Table, type TableDefinition, type TableHost } from './table.js'

type RowOf<D> = D extends TableDefinition<infer Row> ? Row : never

/** What a store keeps: table definitions by name (the domain's schema hands them in; the engine knows none). */
// biome-ignore lint/suspicious/noExplicitAny: a definition of any row type
export type TableDefinitions = Readonly<Record<string, TableDefinition<any>>>

/** The tables of one (account, region) partition, typed by the definitions. */
export type TablesOf<D extends TableDefinitions> = { readonly [N in keyof D]: Table<RowOf<D[N]>> }

/** One account's resources in one region, as the real service keeps them apart. */
export interface Partition<D extends TableDefinitions = TableDefinitions> {
  readonly account: string
  readonly region: string
  readonly tables: TablesOf<D>
}

/** The plain-JSON form of everything the simulation holds, as `snapshot()` returns it. */
export interface StoreSnapshot {
  readonly version: 2
  /** How many ids the seeded generator has issued. */
  readonly ids: number
  readonly partitions: ReadonlyArray<{
    readonly account: string
    readonly region: string
    readonly tables: { readonly [name: string]: ReadonlyArray<StoredRow<unknown>> | undefined }
  }>
}

/** One row a transaction left changed: its partition, table and key, and what it is now (null: gone). */
export interface RowChange {
  readonly account: string
  readonly region: string
  readonly table: string
  readonly key: string
  readonly stored: StoredRow<unknown> | null
}

/** What one transaction committed: the rows it changed and the id generator's count after it, as plain JSON. */
export interface StoreCommit {
  readonly ids: number
  readonly changes: readonly RowChange[]
}

/** The version of snapshots this store writes and reads. */
export const SNAPSHOT_VERSION = 2

/** For each table, the tables whose rows belong to its rows. */
function childrenOf(definitions: TableDefinitions): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>()
  for (const [name, definition] of Object.entries(definitions)) {
    for (const parent of parentsOf(definition.spec)) map.set(parent.table, [...(map.get(parent.table) ?? []), name])
  }
  return map
}

/**
 * Every partition's tables, the seeded id generator and creation order, with transactions: a change made
 * inside `transaction` is undone entirely when it throws.
 */
export class Store<D extends TableDefinitions = TableDefinitions> {
  private readonly partitions = new Map<string, Partition<D>>()
  private readonly children: ReadonlyMap<string, readonly string[]>
  readonly ids: IdGenerator
  /** Where secrets are drawn: a CSPRNG, or the id generator when the caller asked for reproducible secrets. */
  readonly secrets: SecretSource
  private seq = 0
  private undo: Array<() => void> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  /** Calls queued or running (`exclusive`): none means what is stored is what every answer will see. */
  private pending = 0
  /** Grows with every stored change, so an answer computed at one version holds while it stays. */
  private changes = 0

  /** A number that changes whenever anything stored changes (rows written, a snapshot restored, a commit applied). */
  get version(): number {
    return this.changes
  }

  /** Whether no call is queued or running. */
  get idle(): boolean {
    return this.pending === 0
  }
  private failed: Array<() => void> | undefined
  /** Rows changed in the open transaction, by partition, table and key, while someone listens for commits. */
  private dirty: Map<string, { partition: Partition<D>; table: string; key: string }> | undefined
  /**
   * Called with what each transaction committed, before its result is given back; if it throws, the transaction is
   * undone and fails (so nothing is acknowledged that was not recorded).
   */
  onCommit: ((commit: StoreCommit) => void) | undefined

  constructor(
    private readonly definitions: D,
    seed: number,
    reproducibleSecrets = false,
  ) {
    this.children = childrenOf(definitions)
    this.ids = new IdGenerator(seed)
    this.secrets = reproducibleSecrets ? this.ids : new RandomSecrets()
  }

  /** The partition of an account and region, created empty when first used. */
  partition(account: string, region: string): Partition<D> {
    const key = `${account}/${region}`
    let partition = this.partitions.get(key)
    if (!partition) {
      partition = { account, region, tables: undefined as unknown as TablesOf<D> }
      ;(partition as { tables: TablesOf<D> }).tables = this.createTables(partition)
      this.partitions.set(key, partition)
    }
    return partition
  }

  /** The partitions that hold anything. */
  occupied(): Partition<D>[] {
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
      this.dirty = this.onCommit ? new Map() : undefined
      try {
        const result = await change()
        this.commit()
        return result
      } catch (error) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
        this.ids.counter = ids
        this.seq = seq
        this.undo = []
        for (const keep of failed) keep()
        // What a failed call leaves behind (a counted failure) is committed too; a journal that fails here fails the
        // call all the same.
        this.commit()
        throw error
      } finally {
        this.undo = undefined
        this.failed = undefined
        this.dirty = undefined
      }
    }
    this.pending++
    const result = this.queue.then(run, run).finally(() => {
      this.pending--
    })
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
    this.dirty = this.onCommit ? new Map() : undefined
    try {
      const result = change()
      this.commit()
      return result
    } catch (error) {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
      this.ids.counter = ids
      this.seq = seq
      throw error
    } finally {
      this.undo = undefined
      this.dirty = undefined
    }
  }

  /** Reports the rows the open transaction changed to the commit listener, if there is one and they changed. */
  private commit(): void {
    const dirty = this.dirty
    if (!dirty || !this.onCommit || dirty.size === 0) return
    const changes: RowChange[] = [...dirty.values()].map(({ partition, table, key }) => {
      const stored = (partition.tables[table] as Table<unknown>).stored(key)
      return {
        account: partition.account,
        region: partition.region,
        table,
        key,
        stored: stored ? (JSON.parse(JSON.stringify(stored)) as StoredRow<unknown>) : null,
      }
    })
    this.onCommit({ ids: this.ids.counter, changes })
    dirty.clear()
  }

  /** Applies a commit another store reported (replaying a journal), outside any transaction. */
  apply(commit: StoreCommit): void {
    for (const change of commit.changes) {
      const table = this.partition(change.account, change.region).tables[change.table] as Table<unknown> | undefined
      if (!table)
        throw new TypeError(
          `cognito-idp-contract: a commit names a table this simulation does not know: ${change.table}`,
        )
      this.changes++
      table.apply(change.key, change.stored)
      if (change.stored) this.seq = Math.max(this.seq, change.stored.seq)
    }
    this.ids.counter = Math.max(this.ids.counter, commit.ids)
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
    const loaded = new Map<string, Partition<D>>()
    let max = 0
    for (const p of copy.partitions) {
      const partition: Partition<D> = {
        account: p.account,
        region: p.region,
        tables: undefined as unknown as TablesOf<D>,
      }
      ;(partition as { tables: TablesOf<D> }).tables = this.createTables(partition)
      for (const [name, rows] of Object.entries(p.tables)) {
        const table = (partition.tables as Record<string, Table<unknown> | undefined>)[name]
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
    this.changes++
  }

  private createTables(partition: Partition<D>): TablesOf<D> {
    const host: TableHost = {
      nextSeq: () => ++this.seq,
      journal: (undo) => this.undo?.push(undo),
      touched: (table, key) => {
        this.changes++
        this.dirty?.set(`${partition.account}\u0000${partition.region}\u0000${table}\u0000${key}`, {
          partition,
          table,
          key,
        })
      },
      cascade: (name, key) => {
        for (const child of this.children.get(name) ?? []) {
          const table = tables[child] as Table<unknown>
          for (const row of table.children(key, name)) table.delete(this.definitions[child]!.spec.key(row as never))
        }
      },
    }
    const tables = Object.fromEntries(
      Object.entries(this.definitions).map(([name, definition]) => [
        name,
        new Table(name, (definition as TableDefinition<unknown>).spec, host),
      ]),
    ) as unknown as TablesOf<D>
    return tables
  }
}
