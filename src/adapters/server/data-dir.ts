import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
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

/** A directory that keeps a simulation's state: a snapshot, a log of commits since, and a lock. */
export interface DataDir {
  readonly path: string
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

/** Takes the directory's lock file, or says who holds it; a lock left by a process that is gone is taken over. */
function lock(dir: string): string {
  const path = join(dir, 'lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }))
      fsyncSync(fd)
      closeSync(fd)
      return path
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let holder: { pid?: unknown; host?: unknown } = {}
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder
      } catch {
        // A lock being written, or left half-written by a crash: treated as held, unless it is older than us.
      }
      const pid = typeof holder.pid === 'number' ? holder.pid : undefined
      const local = holder.host === undefined || holder.host === hostname()
      if (pid !== undefined && local && !alive(pid)) {
        unlinkSync(path)
        continue
      }
      throw new DataDirError(
        `${dir} is in use by another server${pid !== undefined ? ` (pid ${pid}${local ? '' : ` on ${String(holder.host)}`})` : ''}; stop it, or give this one another --data directory`,
      )
    }
  }
  throw new DataDirError(`${dir}: could not take its lock`)
}

/** Reads the state file: undefined when there is none, the snapshot when it is ours, a clear refusal otherwise. */
function readState(path: string): CognitoSnapshot | undefined {
  if (!existsSync(path)) return undefined
  let parsed: { format?: unknown; version?: unknown; snapshot?: unknown }
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
  return parsed.snapshot as CognitoSnapshot
}

/**
 * Reads the log: every complete line is a commit. A last line cut short (a crash while writing it, so never
 * acknowledged) is dropped; a bad line anywhere else means the log is damaged, and loading stops.
 */
function readLog(path: string): { commits: StoreCommit[]; goodBytes: number } {
  if (!existsSync(path)) return { commits: [], goodBytes: 0 }
  const text = readFileSync(path, 'utf8')
  const commits: StoreCommit[] = []
  let offset = 0
  let line = 0
  while (offset < text.length) {
    const end = text.indexOf('\n', offset)
    line++
    if (end < 0) break
    const entry = text.slice(offset, end)
    try {
      commits.push(JSON.parse(entry) as StoreCommit)
    } catch {
      throw new DataDirError(`${path} is damaged at line ${line}; it was left as it is`)
    }
    offset = end + 1
  }
  return { commits, goodBytes: Buffer.byteLength(text.slice(0, offset)) }
}

/**
 * Opens (creating) a data directory and takes its lock. State is `state.json` (a snapshot, replaced atomically:
 * written aside, flushed, renamed, the directory flushed) and `changes.log` (one commit per line, each flushed
 * before its call is answered); a restart loads the snapshot and replays the log, which is safe to replay twice.
 */
export function openDataDir(dir: string): DataDir {
  try {
    mkdirSync(dir, { recursive: true })
  } catch (error) {
    throw new DataDirError(`cannot use ${dir} as a data directory: ${(error as NodeJS.ErrnoException).code}`)
  }
  const lockPath = lock(dir)
  const statePath = join(dir, 'state.json')
  const logPath = join(dir, 'changes.log')
  let logFd: number | undefined
  let logBytes = 0
  let simulation: Cognito | undefined

  const writeState = (snapshot: CognitoSnapshot): void => {
    const aside = `${statePath}.tmp`
    const fd = openSync(aside, 'w')
    try {
      writeSync(fd, JSON.stringify({ format: FORMAT, version: DATA_VERSION, snapshot }))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(aside, statePath)
    fsyncDir(dir)
    // The log is emptied only once the snapshot that holds its commits is safely in place.
    if (logFd !== undefined) {
      ftruncateSync(logFd, 0)
      fsyncSync(logFd)
    }
    logBytes = 0
  }

  const journal: Journal = {
    commit(commit) {
      if (logFd === undefined) return
      const line = `${JSON.stringify(commit)}\n`
      writeSync(logFd, line)
      fsyncSync(logFd)
      logBytes += Buffer.byteLength(line)
      if (logBytes > COMPACT_AFTER && simulation) writeState(simulation.snapshot())
    },
    replace(snapshot) {
      if (logFd !== undefined) writeState(snapshot)
    },
  }

  return {
    path: dir,
    journal,
    attach(target) {
      const snapshot = readState(statePath)
      const { commits, goodBytes } = readLog(logPath)
      try {
        if (snapshot) target.restore(snapshot)
        for (const commit of commits) target.apply(commit)
      } catch (error) {
        throw new DataDirError(`${dir} holds state this version cannot load: ${(error as Error).message}`)
      }
      logFd = openSync(logPath, 'a+')
      ftruncateSync(logFd, goodBytes)
      simulation = target
      // Start from one snapshot: the log holds only what comes after this start.
      writeState(target.snapshot())
    },
    close() {
      if (logFd !== undefined) closeSync(logFd)
      logFd = undefined
      try {
        unlinkSync(lockPath)
      } catch {
        // Already gone: nothing to give back.
      }
    },
  }
}
