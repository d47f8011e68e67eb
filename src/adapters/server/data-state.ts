import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import {
  SNAPSHOT_VERSION,
  type Store,
  type StoreCapture,
  type StoreSnapshot,
} from '../../core/simulation/engine/store.js'
import type { StoredRow } from '../../core/simulation/engine/table.js'
import { fileLines, type Line } from './data-lines.js'
import { DataDirError } from './data-lock.js'

/** What the state file says it is; a file without this mark is not ours and is never overwritten. */
export const FORMAT = 'cognito-idp-contract/data'
/**
 * The data format this code writes. 1: state.json one line of JSON, changes.log. 2: state.json the same JSON laid out
 * one row a line (read a line at a time), and a log per generation, changes.<generation>.log. It reads both.
 */
export const DATA_VERSION = 2

/** About this much text is made and written at a time. */
const PIECE = 1 << 20
/** Rows handed to the store at a time while loading. */
const BATCH = 4096

/** What a state file said of itself, once loaded. */
export interface LoadedState {
  /** Its data format (1 or 2). */
  readonly version: number
  /** The first log whose changes it does not hold (format 2), or the one log's generation it belongs to (format 1). */
  readonly generation: number
}

/** A stored row's line: `{"seq":…,"row":…}` whatever else the object held. */
function rowText(stored: StoredRow<unknown>): string {
  return `{"seq":${JSON.stringify(stored.seq)},"row":${JSON.stringify(stored.row)}}`
}

/**
 * A state file's text, about a megabyte at a time: one JSON document (the envelope format 1 had, with the snapshot
 * inside), laid out so that each row has a line of its own and each structural line is one of a few known forms.
 */
export function* stateText(generation: number, capture: StoreCapture): Generator<string> {
  const header = JSON.stringify({
    format: FORMAT,
    version: DATA_VERSION,
    generation,
    snapshot: { version: SNAPSHOT_VERSION, ids: capture.ids, partitions: [] },
  })
  // The header ends `"partitions":[]}}`: the partitions follow on lines of their own, and `]}}` closes.
  let text = `${header.slice(0, -3)}\n`
  const { partitions } = capture
  for (let p = 0; p < partitions.length; p++) {
    const { account, region, tables } = partitions[p]!
    text += `${JSON.stringify({ account, region, tables: {} }).slice(0, -2)}\n`
    for (let t = 0; t < tables.length; t++) {
      const [name, rows] = tables[t]!
      text += `${JSON.stringify(name)}:[\n`
      for (let r = 0; r < rows.length; r++) {
        text += r < rows.length - 1 ? `${rowText(rows[r]!)},\n` : `${rowText(rows[r]!)}\n`
        if (text.length >= PIECE) {
          yield text
          text = ''
        }
      }
      text += t < tables.length - 1 ? '],\n' : ']\n'
    }
    text += p < partitions.length - 1 ? '}},\n' : '}}\n'
  }
  yield `${text}]}}\n`
}

/** A snapshot in the form a capture has (no row copied). */
export function captureOf(snapshot: StoreSnapshot): StoreCapture {
  return {
    ids: snapshot.ids,
    partitions: snapshot.partitions.map((p) => ({
      account: p.account,
      region: p.region,
      tables: Object.entries(p.tables)
        .filter((entry): entry is [string, readonly StoredRow<unknown>[]] => (entry[1]?.length ?? 0) > 0)
        .map(([name, rows]) => [name, rows] as const),
    })),
  }
}

function writeAll(fd: number, text: string): number {
  const bytes = Buffer.from(text)
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done)
  return bytes.length
}

/** Writes a state file (owner-only) and flushes it; its size in bytes. */
export function writeStateSync(path: string, generation: number, capture: StoreCapture): number {
  const fd = openSync(path, 'w', 0o600)
  let size = 0
  try {
    fchmodSync(fd, 0o600)
    for (const piece of stateText(generation, capture)) size += writeAll(fd, piece)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return size
}

/**
 * Writes a state file (owner-only) a piece at a time, letting calls be answered between pieces, and flushes it; its
 * size, or undefined when `wanted` says it is no longer (then the file is left for the caller to remove).
 */
export async function writeState(
  path: string,
  generation: number,
  capture: StoreCapture,
  wanted: () => boolean,
): Promise<number | undefined> {
  const handle = await open(path, 'w', 0o600)
  let size = 0
  try {
    await handle.chmod(0o600)
    for (const piece of stateText(generation, capture)) {
      if (!wanted()) return undefined
      const bytes = Buffer.from(piece)
      for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done)).bytesWritten
      size += bytes.length
    }
    await handle.sync()
  } finally {
    await handle.close()
  }
  return wanted() ? size : undefined
}

/** Refuses what is not a snapshot this simulation can load, as the store would. */
function checkedSnapshot(snapshot: unknown, dir: string): StoreSnapshot {
  const s = snapshot as Partial<StoreSnapshot> | null | undefined
  if (s?.version !== SNAPSHOT_VERSION || !Array.isArray(s.partitions) || typeof s.ids !== 'number')
    throw new DataDirError(
      `${dir} holds state this version cannot load: not a snapshot of this simulation (expected version ${SNAPSHOT_VERSION}, got ${s?.version === undefined ? 'no version' : JSON.stringify(s.version)})`,
    )
  return s as StoreSnapshot
}

/** Reads a state file's envelope: refuses, leaving the file as it is, what is not ours or of a format it cannot read. */
function envelope(path: string, parsed: unknown): { version: number; generation: number; snapshot: unknown } {
  const e = parsed as { format?: unknown; version?: unknown; generation?: unknown; snapshot?: unknown } | null
  if (e?.format !== FORMAT)
    throw new DataDirError(`${path} is not a cognito-idp-contract data file; it was left as it is`)
  if (e.version !== 1 && e.version !== DATA_VERSION)
    throw new DataDirError(
      `${path} was written by a version of cognito-idp-contract whose data format (${JSON.stringify(e.version)}) this one (${DATA_VERSION}) cannot read; it was left as it is`,
    )
  return { version: e.version, generation: typeof e.generation === 'number' ? e.generation : 0, snapshot: e.snapshot }
}

/** Loads a whole snapshot's rows into the store (rows as they are: the parsed text is the store's own). */
function loadSnapshot(store: Store, snapshot: StoreSnapshot, dir: string): void {
  try {
    for (const p of snapshot.partitions)
      for (const [name, rows] of Object.entries(p.tables)) store.load(p.account, p.region, name, rows ?? [])
  } catch (error) {
    throw new DataDirError(`${dir} holds state this version cannot load: ${(error as Error).message}`)
  }
  store.ids.counter = Math.max(store.ids.counter, snapshot.ids)
}

/**
 * Loads the state file into an empty store: undefined when there is none. A file this code wrote is read a line at
 * a time (rows handed to the store as they come, never the whole text or a copy at once); any other JSON one (format
 * 1, a file laid out by hand) is parsed whole.
 */
export function loadState(path: string, store: Store, dir: string): LoadedState | undefined {
  if (!existsSync(path)) return undefined
  const lines = fileLines(path)
  try {
    const first = lines.next()
    const text = first.done ? '' : first.value.text
    let header: unknown
    try {
      header = JSON.parse(`${text}]}}`)
    } catch {
      // Not this layout's first line: the whole file is one JSON document.
      let parsed: unknown
      try {
        parsed = JSON.parse(first.done || !first.value.complete ? text : readFileSync(path, 'utf8'))
      } catch (error) {
        throw new DataDirError(`${path} is not readable JSON (${(error as Error).message}); it was left as it is`)
      }
      const whole = envelope(path, parsed)
      loadSnapshot(store, checkedSnapshot(whole.snapshot, dir), dir)
      return { version: whole.version, generation: whole.generation }
    }
    const head = envelope(path, header)
    const snapshot = checkedSnapshot(head.snapshot, dir)
    store.ids.counter = Math.max(store.ids.counter, snapshot.ids)
    streamRows(path, lines, store, dir)
    return { version: head.version, generation: head.generation }
  } finally {
    lines.return(undefined)
  }
}

/** Loads the rows that follow a state file's first line, checking every structural line is where it belongs. */
function streamRows(path: string, lines: Iterator<Line>, store: Store, dir: string): void {
  let partition: { account: string; region: string } | undefined
  let table: string | undefined
  let batch: StoredRow<unknown>[] = []
  let ended = false
  let number = 1
  const damaged = (): never => {
    throw new DataDirError(`${path} is damaged at line ${number}; it was left as it is`)
  }
  const load = () => {
    if (batch.length === 0) return
    try {
      store.load(partition!.account, partition!.region, table!, batch)
    } catch (error) {
      throw new DataDirError(`${dir} holds state this version cannot load: ${(error as Error).message}`)
    }
    batch = []
  }
  for (let next = lines.next(); !next.done; next = lines.next()) {
    const line = next.value
    number = line.number
    const text = line.text
    if (ended || !line.complete) damaged()
    try {
      if (table !== undefined) {
        if (text.startsWith('{"seq":')) {
          batch.push(JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as StoredRow<unknown>)
          if (batch.length >= BATCH) load()
        } else if (text === ']' || text === '],') {
          load()
          table = undefined
        } else damaged()
      } else if (partition !== undefined) {
        if (text.endsWith(':[')) {
          const name = JSON.parse(text.slice(0, -2)) as unknown
          if (typeof name !== 'string') damaged()
          table = name as string
        } else if (text === '}}' || text === '}},') partition = undefined
        else damaged()
      } else if (text.startsWith('{"account":')) {
        const opened = JSON.parse(`${text}}}`) as { account?: unknown; region?: unknown }
        if (typeof opened.account !== 'string' || typeof opened.region !== 'string') damaged()
        partition = { account: opened.account as string, region: opened.region as string }
      } else if (text === ']}}') ended = true
      else damaged()
    } catch (error) {
      if (error instanceof DataDirError) throw error
      damaged()
    }
  }
  // Cut short after a whole line: what is missing is the next one.
  number++
  if (!ended) damaged()
}
