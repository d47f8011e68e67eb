import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { Cognito, CognitoSnapshot, Journal, StoreCommit } from '../../core/simulation/index.js'

/** What the state file says it is; a file without this mark is not ours and is never overwritten. */
const FORMAT = 'cognito-idp-contract/data'
/** The version of the state file's envelope this code writes and reads. */
const DATA_VERSION = 1
/** Past this many bytes of log, the state is written whole and the log emptied. */
const COMPACT_AFTER = 8 * 1024 * 1024

/** A data directory problem, said in one line. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError'
}

/** The steps of writing a new state, named for fault-injection tests (`steps` of openDataDir). */
export type WriteStep = 'aside' | 'renamed' | 'dir-flushed' | 'log-emptied' | 'log-marked'

/** Options of a data directory. */
export interface DataDirOptions {
  /** Called at each step of writing a new state (tests kill the process there to prove the state survives). */
  readonly steps?: ((step: WriteStep) => void) | undefined
}

/** A directory that keeps a simulation's state: a snapshot, a log of commits since, and a lock. */
export interface DataDir {
  readonly path: string
  /** What opening it had to mend (a stale or damaged lock taken over), one line each, for the server to say. */
  readonly notes: readonly string[]
  /** The journal to create the simulation with: it records nothing until `attach`. */
  readonly journal: Journal
  /** Loads what the directory holds into the simulation, then records every change it commits. */
  attach(simulation: Cognito): void
  /** Stops recording and lets another server use the directory. */
  close(): void
}

function fsyncDir(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Whether a process with this id is running on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** When a process started, in clock ticks since boot (Linux's /proc/<pid>/stat, field 22), where the system says. */
function startedAt(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[19])
    return Number.isFinite(ticks) ? ticks : undefined
  } catch {
    return undefined
  }
}

/** Directories this process holds the lock of: a lock naming this process's own pid is stale unless it is here. */
const held = new Set<string>()

/** A lock file this old that cannot be read was left half-written by a crash, not being written now (chosen). */
const DAMAGED_LOCK_AGE_MS = 2_000

/** Why a lock file's text, left by another holder, may be taken over, or undefined when its holder may still run. */
function staleness(path: string, text: string, dir: string): string | undefined {
  let holder: { pid?: unknown; host?: unknown; started?: unknown } | undefined
  try {
    holder = JSON.parse(text) as typeof holder
  } catch {
    holder = undefined
  }
  const pid = typeof holder?.pid === 'number' ? holder.pid : undefined
  if (pid === undefined) {
    let age = 0
    try {
      age = Date.now() - statSync(path).mtimeMs
    } catch {
      return undefined
    }
    return age > DAMAGED_LOCK_AGE_MS
      ? `its lock file was ${text.trim() === '' ? 'empty' : 'damaged'} (left by a crash while it was written)`
      : undefined
  }
  if (holder?.host !== undefined && holder.host !== hostname()) return undefined
  if (pid === process.pid)
    return held.has(dir) ? undefined : `its lock named this process (pid ${pid}), as after a restart in a container`
  if (!alive(pid)) return `the server that held it (pid ${pid}) is gone`
  const started = startedAt(pid)
  if (typeof holder?.started === 'number' && started !== undefined && started !== holder.started)
    return `pid ${pid} is now another process, started after the lock was taken`
  return undefined
}

/**
 * Removes a stale lock, unless another server took it over first: the lock is moved aside (atomic), and moved back
 * when what was moved is not the text judged stale.
 */
function takeOver(path: string, judged: string): boolean {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`
  try {
    renameSync(path, aside)
  } catch {
    return true // gone meanwhile: free to take
  }
  if (readFileSync(aside, 'utf8') === judged) {
    unlinkSync(aside)
    return true
  }
  try {
    renameSync(aside, path)
  } catch {
    // Another lock was made meanwhile: the one moved aside is left for its holder's next start to judge.
  }
  return false
}

/** Takes the directory's lock file, or says who holds it; a stale or damaged lock is taken over, with a note why. */
function lock(dir: string, notes: string[]): string {
  const path = join(dir, 'lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600)
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: startedAt(process.pid) }))
      fsyncSync(fd)
      closeSync(fd)
      held.add(dir)
      return path
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let text = ''
      try {
        text = readFileSync(path, 'utf8')
      } catch {
        continue // gone meanwhile: try to take it again
      }
      const stale = staleness(path, text, dir)
      if (stale !== undefined && takeOver(path, text)) {
        notes.push(`took over the lock of ${dir}: ${stale}`)
        continue
      }
      let holder = ' (its lock file is being written)'
      let elsewhere = false
      try {
        const parsed = JSON.parse(text) as { pid?: unknown; host?: unknown }
        elsewhere = parsed.host !== undefined && parsed.host !== hostname()
        if (typeof parsed.pid === 'number')
          holder = ` (pid ${parsed.pid}${elsewhere ? ` on ${String(parsed.host)}` : ''})`
      } catch {
        // The holder's text is shown as it could be read.
      }
      throw new DataDirError(
        `${dir} is in use by another server${holder}; stop it, or give this one another --data directory${elsewhere ? ` (if that machine or container is gone, delete ${path})` : ''}`,
      )
    }
  }
  throw new DataDirError(`${dir}: could not take its lock`)
}

/** What the state file holds: the snapshot and the generation its log must carry to belong to it. */
interface StateFile {
  readonly snapshot: CognitoSnapshot
  readonly generation: number | undefined
}

/** Reads the state file: undefined when there is none, the snapshot when it is ours, a clear refusal otherwise. */
function readState(path: string): StateFile | undefined {
  if (!existsSync(path)) return undefined
  let parsed: { format?: unknown; version?: unknown; snapshot?: unknown; generation?: unknown }
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as typeof parsed
  } catch (error) {
    throw new DataDirError(`${path} is not readable JSON (${(error as Error).message}); it was left as it is`)
  }
  if (parsed?.format !== FORMAT)
    throw new DataDirError(`${path} is not a cognito-idp-contract data file; it was left as it is`)
  if (parsed.version !== DATA_VERSION) {
    throw new DataDirError(
      `${path} was written by a version of cognito-idp-contract whose data format (${JSON.stringify(parsed.version)}) this one (${DATA_VERSION}) cannot read; it was left as it is`,
    )
  }
  return {
    snapshot: parsed.snapshot as CognitoSnapshot,
    generation: typeof parsed.generation === 'number' ? parsed.generation : undefined,
  }
}

/**
 * Reads the log: every complete line is a commit. A last line cut short (a crash while writing it, so never
 * acknowledged) is dropped; a bad line anywhere else means the log is damaged, and loading stops.
 */
function readLog(path: string): { commits: StoreCommit[]; goodBytes: number; generation: number | undefined } {
  if (!existsSync(path)) return { commits: [], goodBytes: 0, generation: undefined }
  const text = readFileSync(path, 'utf8')
  const commits: StoreCommit[] = []
  let generation: number | undefined
  let offset = 0
  let line = 0
  while (offset < text.length) {
    const end = text.indexOf('\n', offset)
    line++
    if (end < 0) break
    const entry = text.slice(offset, end)
    try {
      const parsed = JSON.parse(entry) as StoreCommit | { generation: number }
      if (line === 1 && 'generation' in parsed) generation = parsed.generation
      else commits.push(parsed as StoreCommit)
    } catch {
      throw new DataDirError(`${path} is damaged at line ${line}; it was left as it is`)
    }
    offset = end + 1
  }
  return { commits, goodBytes: Buffer.byteLength(text.slice(0, offset)), generation }
}

/**
 * Opens (creating, readable by its owner only) a data directory and takes its lock. State is `state.json` (a snapshot
 * and its generation, replaced atomically: written aside, flushed, renamed, the directory flushed) and `changes.log`
 * (the generation it belongs to, then one commit per line, each flushed before its call is answered). A restart loads
 * the snapshot and replays the log only when its generation is the snapshot's: a crash between writing a new state
 * (a reset, a restore, a compaction) and emptying the log never replays the old log onto it.
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
  const statePath = join(dir, 'state.json')
  const logPath = join(dir, 'changes.log')
  let logFd: number | undefined
  let logBytes = 0
  let generation = 0
  let simulation: Cognito | undefined

  const writeState = (snapshot: CognitoSnapshot): void => {
    const next = generation + 1
    const aside = `${statePath}.tmp`
    const fd = openSync(aside, 'w', 0o600)
    try {
      fchmodSync(fd, 0o600)
      writeSync(fd, JSON.stringify({ format: FORMAT, version: DATA_VERSION, generation: next, snapshot }))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    step('aside')
    renameSync(aside, statePath)
    step('renamed')
    fsyncDir(dir)
    step('dir-flushed')
    generation = next
    // The log is emptied only once the snapshot that holds its commits is safely in place; until it names the new
    // generation, a restart ignores it.
    if (logFd !== undefined) {
      ftruncateSync(logFd, 0)
      fsyncSync(logFd)
      step('log-emptied')
      const mark = `${JSON.stringify({ generation })}\n`
      writeSync(logFd, mark)
      fsyncSync(logFd)
      step('log-marked')
      logBytes = Buffer.byteLength(mark)
    } else logBytes = 0
  }

  const journal: Journal = {
    commit(commit) {
      if (logFd === undefined) return
      const line = `${JSON.stringify(commit)}\n`
      try {
        writeSync(logFd, line)
        fsyncSync(logFd)
      } catch (error) {
        // A line written in part (a full disk) is cut off, so the log stays readable; the call fails, unacknowledged.
        ftruncateSync(logFd, logBytes)
        throw error
      }
      logBytes += Buffer.byteLength(line)
      if (logBytes > COMPACT_AFTER && simulation) writeState(simulation.snapshot())
    },
    replace(snapshot) {
      if (logFd !== undefined) writeState(snapshot)
    },
  }

  return {
    path: dir,
    notes,
    journal,
    attach(target) {
      const state = readState(statePath)
      const log = readLog(logPath)
      // A log of another generation belongs to an older state: its commits are in this one, or were replaced.
      const belongs = log.generation === state?.generation
      if (!state && log.generation !== undefined && log.commits.length > 0)
        throw new DataDirError(
          `${statePath} is missing, though changes.log holds changes made after it; the directory was left as it is`,
        )
      try {
        if (state) target.restore(state.snapshot)
        if (belongs) for (const commit of log.commits) target.apply(commit)
      } catch (error) {
        throw new DataDirError(`${dir} holds state this version cannot load: ${(error as Error).message}`)
      }
      generation = state?.generation ?? 0
      logFd = openSync(logPath, 'a+', 0o600)
      fchmodSync(logFd, 0o600)
      ftruncateSync(logFd, belongs ? log.goodBytes : 0)
      simulation = target
      // Start from one snapshot: the log holds only what comes after this start.
      writeState(target.snapshot())
    },
    close() {
      if (logFd !== undefined) closeSync(logFd)
      logFd = undefined
      held.delete(real)
      try {
        unlinkSync(lockPath)
      } catch {
        // Already gone: nothing to give back.
      }
    },
  }
}
