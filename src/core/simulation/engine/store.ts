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

/**
 * What keeps a store's commits elsewhere (a data directory). `commit` is told of each transaction's changes before its
 * call is answered: throwing undoes the transaction and fails the call; a promise holds the answer (and every later
 * answer that saw the change) until it settles, so a change can be flushed with others (group commit) and still be
 * acknowledged only once it is kept.
 */
export interface StoreJournal {
  commit(commit: StoreCommit): void | PromiseLike<void>
  /** Told of the store whose commits follow, when it starts recording them (a reset or restore makes a new one). */
  opened?: ((store: Store) => void) | undefined
}

/** One partition's rows as they are at one moment, for a journal to write out (rows shared, frozen). */
export interface CapturedPartition {
  readonly account: string
  readonly region: string
  /** Each table that holds rows, with its rows in creation order. */
  readonly tables: ReadonlyArray<readonly [string, readonly StoredRow<unknown>[]]>
}

/** Everything a store holds at one moment, without copying a row: what a journal compacts into a snapshot. */
export interface StoreCapture {
  readonly ids: number
  readonly partitions: readonly CapturedPartition[]
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
   * undone and fails (so nothing is acknowledged that was not recorded). If it returns a promise, the call is answered
   * once it settles (failed if it rejects), while the calls after it run meanwhile.
   */
  onCommit: ((commit: StoreCommit) => void | PromiseLike<void>) | undefined
  /** The promise of the last commit not yet known kept: an answer that may have seen it waits for it. */
  private unsettled: PromiseLike<void> | undefined
  /** Whether secrets are drawn from the seed (golden tests) instead of a CSPRNG. */
  readonly reproducibleSecrets: boolean

  constructor(
    private readonly definitions: D,
    seed: number,
    reproducibleSecrets = false,
  ) {
    this.children = childrenOf(definitions)
    this.ids = new IdGenerator(seed)
    this.secrets = reproducibleSecrets ? this.ids : new RandomSecrets()
    this.reproducibleSecrets = reproducibleSecrets
  }

  /** Records every commit from now on to `journal`, and tells it which store they come from. */
  recordTo(journal: StoreJournal): void {
    this.onCommit = (commit) => journal.commit(commit)
    journal.opened?.(this as unknown as Store)
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
    // What the journal must keep before this call is answered: its own commit, or the last one it may have seen.
    let kept: PromiseLike<void> | undefined
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
        kept = this.commit()
        return result
      } catch (error) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
        this.ids.counter = ids
        this.seq = seq
        this.undo = []
        for (const keep of failed) keep()
        // What a failed call leaves behind (a counted failure) is committed too; a journal that fails here fails the
        // call all the same.
        kept = this.commit()
        throw error
      } finally {
        this.undo = undefined
        this.failed = undefined
        this.dirty = undefined
      }
    }
    this.pending++
    const ran = this.queue.then(run, run)
    // The next call runs as soon as this one has changed the tables; this one is answered once its change is kept.
    this.queue = ran.catch(() => undefined)
    const answered = ran.then(
      (result) => (kept ? Promise.resolve(kept).then(() => result) : result),
      (error: unknown) => {
        if (!kept) throw error
        return Promise.resolve(kept).then(() => {
          throw error
        })
      },
    )
    return answered.finally(() => {
      this.pending--
    })
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

  /**
   * Reports the rows the open transaction changed to the commit listener, if there is one and they changed (the rows
   * themselves: frozen, never changed in place). Gives what must settle before the call is answered: the listener's
   * promise, or the last one still unsettled, which this call may have seen.
   */
  private commit(): PromiseLike<void> | undefined {
    const dirty = this.dirty
    if (!dirty || !this.onCommit || dirty.size === 0) return this.unsettled
    const changes: RowChange[] = [...dirty.values()].map(({ partition, table, key }) => ({
      account: partition.account,
      region: partition.region,
      table,
      key,
      stored: (partition.tables[table] as Table<unknown>).stored(key) ?? null,
    }))
    const kept = this.onCommit({ ids: this.ids.counter, changes })
    dirty.clear()
    if (kept === undefined || typeof kept.then !== 'function') return this.unsettled
    this.unsettled = kept
    const settled = () => {
      if (this.unsettled === kept) this.unsettled = undefined
    }
    kept.then(settled, settled)
    return kept
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

  /**
   * Every row as it is now, without copying one: rows are frozen and replaced, never changed, so what this holds stays
   * as it was while the store moves on (a journal writes it out meanwhile).
   */
  capture(): StoreCapture {
    return {
      ids: this.ids.counter,
      partitions: this.occupied().map((p) => ({
        account: p.account,
        region: p.region,
        tables: Object.entries(p.tables)
          .filter(([, t]) => (t as Table<unknown>).size > 0)
          .map(([name, t]) => [name, (t as Table<unknown>).dump()] as const),
      })),
    }
  }

  /**
   * Adds rows a journal kept to a table, as they are (frozen in place, not copied), outside any transaction: a
   * restart, before any call. Keys come from the table's definition.
   */
  load(account: string, region: string, table: string, rows: Iterable<StoredRow<unknown>>): void {
    const target = this.partition(account, region).tables[table] as Table<unknown> | undefined
    if (!target)
      throw new TypeError(`cognito-idp-contract: the journal has a table this simulation does not know: ${table}`)
    this.changes++
    target.restore(rows)
    this.seq = Math.max(this.seq, target.maxSeqPlaced)
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
