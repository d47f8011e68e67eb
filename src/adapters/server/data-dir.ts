import {
  closeSync,
  fchmodSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import type { Store, StoreCapture, StoreJournal } from '../../core/simulation/engine/store.js'
import type { Cognito, Journal } from '../../core/simulation/index.js'
import { fsyncDir } from './data-lines.js'
import { DataDirError, lock, unlock } from './data-lock.js'
import { GroupLog, readLog } from './data-log.js'
import { captureOf, DATA_VERSION, loadState, writeState, writeStateSync } from './data-state.js'

export { DataDirError } from './data-lock.js'

/** Past this many bytes of log (or a quarter of the state file's, if more), the state is written anew. */
const COMPACT_AFTER = 8 * 1024 * 1024

/** The steps of writing a new state, and each flush of the log, named for fault-injection tests (`steps`). */
export type WriteStep = 'log-opened' | 'aside' | 'renamed' | 'dir-flushed' | 'logs-removed' | 'flushed'

/** Options of a data directory. */
export interface DataDirOptions {
  /** Called at each step of writing a new state (tests kill the process there to prove the state survives). */
  readonly steps?: ((step: WriteStep) => void) | undefined
  /** Bytes of log past which the state is written anew (default 8 MiB, or a quarter of the state file if more). */
  readonly compactAfter?: number | undefined
}

/** A directory that keeps a simulation's state: a snapshot, a log of commits since, and a lock. */
export interface DataDir {
  readonly path: string
  /** What opening it had to mend or upgrade (a stale lock taken over, an older format), one line each. */
  readonly notes: readonly string[]
  /** The journal to create the simulation with: it records nothing until `attach`. */
  readonly journal: Journal
  /** Loads what the directory holds into the simulation, then records every change it commits; whether it held any. */
  attach(simulation: Cognito): boolean
  /** Stops recording (what was written is flushed first) and lets another server use the directory. */
  close(): void
}

/** The generations of the logs in a directory (`changes.<generation>.log`), lowest first. */
function logGenerations(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => /^changes\.(\d+)\.log$/.exec(name)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // Gone already.
  }
}

/**
 * Opens (creating, readable by its owner only) a data directory and takes its lock. State is `state.json` (a snapshot
 * and its generation, one row a line, replaced atomically: written aside, flushed, renamed, the directory flushed) and
 * `changes.<generation>.log` (the commits made since, one a line). A commit's line is written before its call is
 * answered and flushed with the others written meanwhile (group commit); the call is answered once the flush is done.
 * A new state (a reset, a restore, a compaction) starts the next generation's log first and then names it: a restart
 * loads the state and replays the logs from its generation on, never an older log onto it. A compaction writes the
 * rows as they were at one commit while calls go on (rows are frozen, so holding them costs no copy).
 */
export function openDataDir(dir: string, options: DataDirOptions = {}): DataDir {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
  } catch (error) {
    throw new DataDirError(`cannot use ${dir} as a data directory: ${(error as NodeJS.ErrnoException).code}`)
  }
  const notes: string[] = []
  // Two paths to one directory (a link, `./data` and its absolute path) are one lock holder.
  const real = realpathSync(dir)
  const lockPath = lock(real, notes)
  const step = options.steps ?? (() => undefined)
  const compactAfter = options.compactAfter ?? COMPACT_AFTER
  const statePath = join(dir, 'state.json')
  const logPath = (generation: number) => join(dir, `changes.${generation}.log`)
  let store: Store | undefined
  let log: GroupLog | undefined
  let logGeneration = 0
  let stateGeneration = 0
  let stateBytes = 0
  let compacting = false
  let closed = false
  /** Why changes are refused: a new state that could not be written leaves the disk behind the simulation. */
  let failure: Error | undefined
  let asides = 0
  const aside = () => join(dir, `state.json.${process.pid}-${++asides}.tmp`)

  /** Starts the next generation's log (its first line flushed, its name in the directory) and appends to it. */
  const nextLog = (): number => {
    const generation = logGeneration + 1
    const path = logPath(generation)
    const fd = openSync(path, 'w', 0o600)
    try {
      fchmodSync(fd, 0o600)
      writeSync(fd, `${JSON.stringify({ generation })}\n`)
      fdatasyncSync(fd)
    } finally {
      closeSync(fd)
    }
    fsyncDir(dir)
    if (log) log.switchTo(path)
    else log = new GroupLog(path, () => step('flushed'))
    logGeneration = generation
    step('log-opened')
    return generation
  }

  /** Puts a state file written aside in place, then removes the logs it holds and what format 1 left. */
  const install = (written: string, generation: number, size: number) => {
    renameSync(written, statePath)
    step('renamed')
    fsyncDir(dir)
    step('dir-flushed')
    stateGeneration = generation
    stateBytes = size
    for (const g of logGenerations(dir)) if (g < generation) removeQuietly(logPath(g))
    removeQuietly(join(dir, 'changes.log'))
    fsyncDir(dir)
    step('logs-removed')
  }

  /** Writes a whole new state now: the next generation's log first, then the state that names it. */
  const writeNew = (capture: StoreCapture): void => {
    const generation = nextLog()
    const path = aside()
    try {
      const size = writeStateSync(path, generation, capture)
      step('aside')
      install(path, generation, size)
    } catch (error) {
      removeQuietly(path)
      throw error
    }
  }

  /** Writes the rows as they are at this commit into a new state, while calls go on; the logs keep all meanwhile. */
  const compact = (): void => {
    if (compacting || closed || !store) return
    let generation: number
    let capture: StoreCapture
    try {
      capture = store.capture()
      generation = nextLog()
    } catch {
      return // The log in use keeps every change; the state is written at a later commit.
    }
    compacting = true
    const path = aside()
    // A reset or restore may write a newer state meanwhile, or the directory close: this one is then dropped.
    const wanted = () => !closed && stateGeneration < generation
    writeState(path, generation, capture, wanted)
      .then((size) => {
        if (size === undefined || !wanted()) return removeQuietly(path)
        step('aside')
        install(path, generation, size)
      })
      .catch(() => removeQuietly(path))
      .finally(() => {
        compacting = false
      })
  }

  const journal: Journal & StoreJournal = {
    opened(opened) {
      store = opened
    },
    commit(commit) {
      if (!log) return
      if (failure) throw failure
      const kept = log.append(`${JSON.stringify(commit)}\n`)
      if (log.bytes > Math.max(compactAfter, stateBytes / 4)) compact()
      return kept
    },
    replace(snapshot) {
      if (!log) return
      if (failure) throw failure
      try {
        writeNew(captureOf(snapshot))
      } catch (error) {
        failure = new DataDirError(
          `${dir}: the new state could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); changes are refused until the server is restarted`,
        )
        throw failure
      }
    },
  }

  /** Loads the state file and the logs after it into the store, and appends to the last log from now on. */
  const load = (target: Store): void => {
    for (const name of readdirSync(dir)) if (/^state\.json\..*tmp$/.test(name)) removeQuietly(join(dir, name))
    const state = loadState(statePath, target, dir)
    const generations = logGenerations(dir)
    if (!state) {
      // The state is gone but changes made after it are not: starting empty would lose them.
      for (const name of [...generations.map((g) => `changes.${g}.log`), 'changes.log']) {
        if (readLog(join(dir, name)).commits > 0)
          throw new DataDirError(
            `${statePath} is missing, though ${name} holds changes made after it; the directory was left as it is`,
          )
      }
      logGeneration = generations.at(-1) ?? 0
      writeNew(target.capture())
      return
    }
    if (state.version === 1) {
      // Format 1: one log, which belongs to the state when it names the state's generation.
      readLog(join(dir, 'changes.log'), { store: target, generation: state.generation, dir })
      logGeneration = Math.max(state.generation, generations.at(-1) ?? 0)
      writeNew(target.capture())
      notes.push(`upgraded ${dir} to data format ${DATA_VERSION} (from 1)`)
      return
    }
    stateGeneration = state.generation
    stateBytes = statSync(statePath).size
    // The logs from the state's generation on, each after the one before it, none missing, only the last cut short.
    const chain = generations.filter((g) => g >= state.generation)
    let replayed: { generation: number; goodBytes: number } | undefined
    for (const [i, generation] of chain.entries()) {
      const path = logPath(generation)
      if (generation !== state.generation + i) {
        const missing = logPath(state.generation + i)
        throw new DataDirError(
          `${missing} is missing, though ${path} holds changes made after it; the directory was left as it is`,
        )
      }
      const read = readLog(path, { store: target, generation, dir })
      if (read.generation !== generation && (read.commits > 0 || read.torn))
        throw new DataDirError(`${path} is damaged at line 1; it was left as it is`)
      if (read.torn && i < chain.length - 1)
        throw new DataDirError(`${path} is damaged at its end, though a later log follows; it was left as it is`)
      replayed = { generation, goodBytes: read.generation === generation ? read.goodBytes : 0 }
    }
    for (const g of generations) if (g < state.generation) removeQuietly(logPath(g))
    removeQuietly(join(dir, 'changes.log'))
    if (!replayed || replayed.goodBytes === 0) {
      logGeneration = (replayed?.generation ?? state.generation) - 1
      nextLog()
      return
    }
    logGeneration = replayed.generation
    log = new GroupLog(logPath(replayed.generation), () => step('flushed'))
    log.truncate(replayed.goodBytes)
  }

  return {
    path: dir,
    notes,
    journal,
    attach() {
      if (!store) throw new DataDirError(`${dir}: the simulation was not created with this directory's journal`)
      load(store)
      return store.occupied().length > 0
    },
    close() {
      if (closed) return
      closed = true
      try {
        log?.close()
      } catch {
        // A log that could not be flushed failed its calls already.
      }
      unlock(real, lockPath)
    },
  }
}
