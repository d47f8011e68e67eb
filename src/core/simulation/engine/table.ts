/** What a table's definition says about its rows: their key, the row they belong to, how else they are found. */
export interface TableSpec<Row> {
  /** The row's key, unique within its table. */
  readonly key: (row: Row) => string
  /** The table and key of the row (or rows) this one belongs to: deleting one of them deletes this one too. */
  readonly parent?: ParentSpec<Row> | readonly ParentSpec<Row>[]
  /** Unique secondary indexes: for each, the value (or values) a row is found by, or undefined. */
  readonly indexes?: Readonly<Record<string, (row: Row) => string | readonly string[] | undefined>>
  /** Brings a row an earlier version stored (in a snapshot or a journal) to this version's form, when it is loaded. */
  readonly upgrade?: ((row: Row) => Row) | undefined
}

/** A row this one belongs to: its table and its key. */
export interface ParentSpec<Row> {
  readonly table: string
  readonly key: (row: Row) => string
}

/** The parents of a table's rows, as a list. */
export function parentsOf<Row>(spec: TableSpec<Row>): readonly ParentSpec<Row>[] {
  return spec.parent === undefined ? [] : Array.isArray(spec.parent) ? spec.parent : [spec.parent as ParentSpec<Row>]
}

/** A table's definition, typed by its rows. */
export interface TableDefinition<Row> {
  readonly spec: TableSpec<Row>
  /** Carries the row type only. */
  readonly row?: Row
}

/** Declares a table of plain-JSON rows. */
export function table<Row>(spec: TableSpec<Row>): TableDefinition<Row> {
  return { spec }
}

/** A row and its place in creation order, as a snapshot keeps it. */
export interface StoredRow<Row> {
  readonly seq: number
  readonly row: Row
}

/**
 * A plain-JSON value frozen, and everything in it (a value already frozen is taken as frozen throughout, as shared
 * ones are). Loops rather than `Object.values`: a restart freezes every row it loads, half a million objects and more.
 */
function frozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) frozen(value[i])
  else for (const key in value) frozen((value as Record<string, unknown>)[key])
  return Object.freeze(value)
}

const EMPTY_ARRAY: readonly never[] = Object.freeze([])
const EMPTY_OBJECT: Readonly<Record<string, never>> = Object.freeze({})

/**
 * `frozen`, for rows read back (a restart, a replayed commit): each empty array or object in them becomes one shared
 * frozen empty one, as JSON the same. Rows hold several empty lists and maps each, and a restart parses them all:
 * sharing them saves a fifth of the heap the rows take, and the time to copy and freeze them.
 */
function frozenRead<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY_ARRAY as T
    for (let i = 0; i < value.length; i++) {
      const inner = frozenRead(value[i])
      if (inner !== value[i]) value[i] = inner
    }
  } else {
    let empty = true
    const record = value as Record<string, unknown>
    for (const key in record) {
      empty = false
      const inner = frozenRead(record[key])
      // `__proto__` read from JSON is a member like any other; assigning it would set the prototype instead.
      if (inner !== record[key] && key !== '__proto__') record[key] = inner
    }
    if (empty) return EMPTY_OBJECT as T
  }
  return Object.freeze(value)
}

/** A stored row, frozen: the store hands these out (to commits, to journals) and never changes one in place. */
function frozenRow<Row>(seq: number, row: Row): StoredRow<Row> {
  return Object.freeze({ seq, row })
}

/** What a table needs from the store around it. */
export interface TableHost {
  /** The next creation sequence number, shared by every table so that order survives snapshots. */
  nextSeq(): number
  /** Records how to undo a change, when a transaction is open. */
  journal(undo: () => void): void
  /** Deletes the rows of other tables that belong to this row. */
  cascade(table: string, key: string): void
  /** Notes that a row changed, for a store that reports what each transaction committed. */
  touched(table: string, key: string): void
}

type Values = string | readonly string[] | undefined

function list(values: Values): readonly string[] {
  return values === undefined ? [] : typeof values === 'string' ? [values] : values
}

/**
 * Rows of one kind in one (account, region) partition: found by key, by a secondary index or by the row
 * they belong to, kept in creation order, each change undoable while a transaction is open.
 */
export class Table<Row> {
  private readonly rows = new Map<string, StoredRow<Row>>()
  /** Per parent table, per parent key, the rows that belong to it in creation order. */
  private readonly byParent = new Map<string, Map<string, Map<string, Row>>>()
  private readonly parents: readonly ParentSpec<Row>[]
  private readonly byIndex = new Map<string, Map<string, string>>()
  /** Each index's values of a row, and the map from value to key. */
  private readonly indexes: ReadonlyArray<readonly [(row: Row) => Values, Map<string, string>]>
  /** The largest sequence number placed (it stays when that row goes): rows placed above it keep creation order. */
  private top = 0

  constructor(
    readonly name: string,
    private readonly spec: TableSpec<Row>,
    private readonly host: TableHost,
  ) {
    this.indexes = Object.entries(spec.indexes ?? {}).map(([index, values]) => {
      const map = new Map<string, string>()
      this.byIndex.set(index, map)
      return [values, map] as const
    })
    this.parents = parentsOf(spec)
    for (const parent of this.parents) this.byParent.set(parent.table, new Map())
  }

  /** How many rows the table holds. */
  get size(): number {
    return this.rows.size
  }

  /** The row with this key. */
  get(key: string): Row | undefined {
    return this.rows.get(key)?.row
  }

  /** Whether a row has this key. */
  has(key: string): boolean {
    return this.rows.has(key)
  }

  /** The row an index finds for a value. */
  find(index: string, value: string): Row | undefined {
    const key = this.byIndex.get(index)?.get(value)
    return key === undefined ? undefined : this.get(key)
  }

  /** Every row, in creation order. */
  all(): Row[] {
    return [...this.rows.values()].map((s) => s.row)
  }

  /** The rows that belong to a parent row (of the first parent table unless another is named), in creation order. */
  children(parentKey: string, parentTable = this.parents[0]?.table): Row[] {
    return [...(this.siblingsOf(parentTable, parentKey)?.values() ?? [])]
  }

  /** How many rows belong to a parent row. */
  count(parentKey: string, parentTable = this.parents[0]?.table): number {
    return this.siblingsOf(parentTable, parentKey)?.size ?? 0
  }

  private siblingsOf(parentTable: string | undefined, parentKey: string): Map<string, Row> | undefined {
    return parentTable === undefined ? undefined : this.byParent.get(parentTable)?.get(parentKey)
  }

  /** A row's place in creation order. */
  seq(key: string): number {
    return this.rows.get(key)?.seq ?? 0
  }

  /** Adds a new row; its key and indexed values must be free (callers check and answer Cognito's error first). */
  insert(row: Row, seq = this.host.nextSeq()): Row {
    const key = this.spec.key(row)
    if (this.rows.has(key)) throw new Error(`simulation bug: ${this.name} already has ${key}`)
    this.place(key, frozenRow(seq, frozen(row)))
    this.host.journal(() => this.remove(key))
    this.host.touched(this.name, key)
    return row
  }

  /** Replaces the row with the same key, keeping its place in creation order (and its parent). */
  put(row: Row): Row {
    const key = this.spec.key(row)
    const old = this.rows.get(key)
    if (!old) throw new Error(`simulation bug: ${this.name} has no ${key} to replace`)
    this.replace(key, old, frozenRow(old.seq, frozen(row)))
    this.host.journal(() => this.replace(key, this.rows.get(key)!, old))
    this.host.touched(this.name, key)
    return row
  }

  /** Deletes a row and, through the store, the rows that belong to it. */
  delete(key: string): void {
    const old = this.rows.get(key)
    if (!old) return
    this.host.cascade(this.name, key)
    this.remove(key)
    this.host.journal(() => this.restoreRow(key, old))
    this.host.touched(this.name, key)
  }

  /** The stored form of one row (with its place in creation order), as a commit reports it. */
  stored(key: string): StoredRow<Row> | undefined {
    return this.rows.get(key)
  }

  /**
   * Sets a row to what a commit reported (a stored row, or null for gone), outside any transaction and without
   * cascades: the commit lists every row it changed. Applying the same commit twice changes nothing more.
   */
  apply(key: string, kept: StoredRow<Row> | null): void {
    const old = this.rows.get(key)
    if (kept === null) {
      if (old) this.remove(key)
      return
    }
    this.set(key, frozenRow(kept.seq, frozenRead(this.upgraded(kept.row))))
  }

  /** Sets a row outside any transaction: in its place when it is the same row (same sequence number), else anew. */
  private set(key: string, next: StoredRow<Row>): void {
    const old = this.rows.get(key)
    if (old && old.seq === next.seq) {
      this.replace(key, old, next)
      return
    }
    if (old) this.remove(key)
    this.restoreRow(key, next)
  }

  private upgraded(row: Row): Row {
    return this.spec.upgrade ? this.spec.upgrade(row) : row
  }

  /** The rows as a snapshot keeps them, in creation order. */
  dump(): StoredRow<Row>[] {
    return [...this.rows.values()]
  }

  /** Loads rows a snapshot kept (into an empty table, outside any transaction). */
  load(rows: readonly StoredRow<Row>[]): void {
    for (const kept of [...rows].sort((a, b) => a.seq - b.seq)) {
      const row = frozenRead(this.upgraded(kept.row))
      this.place(this.spec.key(row), frozenRow(kept.seq, row))
    }
  }

  /**
   * Adds rows a journal kept, as they are (frozen in place, not copied), outside any transaction: a restart. Their key
   * comes from the definition; a row whose key is already here replaces it. Rows in creation order cost no sorting.
   */
  restore(rows: Iterable<StoredRow<Row>>): void {
    for (const kept of rows) {
      const row = frozenRead(this.upgraded(kept.row))
      this.set(this.spec.key(row), frozenRow(kept.seq, row))
    }
  }

  /** The largest sequence number ever placed here (a row since gone may have held it). */
  get maxSeqPlaced(): number {
    return this.top
  }

  /** The largest sequence number in the table. */
  maxSeq(): number {
    let max = 0
    for (const { seq } of this.rows.values()) max = Math.max(max, seq)
    return max
  }

  private place(key: string, stored: StoredRow<Row>): void {
    this.rows.set(key, stored)
    if (stored.seq > this.top) this.top = stored.seq
    for (const parent of this.parents) {
      const byKey = this.byParent.get(parent.table)!
      const parentKey = parent.key(stored.row)
      let siblings = byKey.get(parentKey)
      if (!siblings) byKey.set(parentKey, (siblings = new Map()))
      siblings.set(key, stored.row)
    }
    this.indexRow(key, stored.row)
  }

  /** Swaps a row for its new version in place: Maps keep a key's position when its value is set again. */
  private replace(key: string, old: StoredRow<Row>, next: StoredRow<Row>): void {
    for (const parent of this.parents) {
      if (parent.key(old.row) !== parent.key(next.row))
        throw new Error(`simulation bug: ${this.name} ${key} cannot move to another parent`)
    }
    this.unindexRow(key, old.row)
    this.rows.set(key, next)
    for (const parent of this.parents) this.siblingsOf(parent.table, parent.key(next.row))!.set(key, next.row)
    this.indexRow(key, next.row)
  }

  /** Puts back a deleted row (an undo), then restores creation order where that put it last. */
  private restoreRow(key: string, stored: StoredRow<Row>): void {
    const top = this.top
    this.place(key, stored)
    if (stored.seq < top) {
      const rows = [...this.rows].sort(([, a], [, b]) => a.seq - b.seq)
      this.rows.clear()
      for (const [k, v] of rows) this.rows.set(k, v)
      for (const parent of this.parents) {
        const parentKey = parent.key(stored.row)
        const siblings = this.siblingsOf(parent.table, parentKey)
        if (siblings)
          this.byParent
            .get(parent.table)!
            .set(parentKey, new Map([...siblings].sort(([a], [b]) => this.seq(a) - this.seq(b))))
      }
    }
  }

  private remove(key: string): void {
    const stored = this.rows.get(key)
    if (!stored) return
    this.rows.delete(key)
    for (const parent of this.parents) {
      const byKey = this.byParent.get(parent.table)!
      const parentKey = parent.key(stored.row)
      const siblings = byKey.get(parentKey)
      siblings?.delete(key)
      if (siblings?.size === 0) byKey.delete(parentKey)
    }
    this.unindexRow(key, stored.row)
  }

  private indexRow(key: string, row: Row): void {
    for (const [values, map] of this.indexes) {
      const found = values(row)
      if (typeof found === 'string') map.set(found, key)
      else if (found) for (const value of found) map.set(value, key)
    }
  }

  private unindexRow(key: string, row: Row): void {
    for (const [values, map] of this.indexes) {
      for (const value of list(values(row))) if (map.get(value) === key) map.delete(value)
    }
  }
}
