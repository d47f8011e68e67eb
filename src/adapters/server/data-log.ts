import {
  closeSync,
  existsSync,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  statSync,
  writeSync,
} from 'node:fs'
import type { Store, StoreCommit } from '../../core/simulation/engine/store.js'
import { fileLines } from './data-lines.js'
import { DataDirError } from './data-lock.js'

/** What a log held, once replayed. */
export interface ReplayedLog {
  /** The generation its first line names, if it has one. */
  readonly generation: number | undefined
  /** How many commits it held. */
  readonly commits: number
  /** The bytes up to the end of its last complete line: a last line cut short (never acknowledged) is beyond. */
  readonly goodBytes: number
  /** Whether its last line was cut short. */
  readonly torn: boolean
}

/**
 * Reads a log: its first line names the generation it belongs to, every other complete line is a commit. With
 * `replay`, applies each commit to the store as it is read (one line's text at a time), when the log belongs to the
 * generation named. A last line cut short (a crash while writing it, so never acknowledged) is left out; a bad line
 * anywhere else means the log is damaged.
 */
export function readLog(
  path: string,
  replay?: { readonly store: Store; readonly generation: number | undefined; readonly dir: string },
): ReplayedLog {
  if (!existsSync(path)) return { generation: undefined, commits: 0, goodBytes: 0, torn: false }
  let generation: number | undefined
  let commits = 0
  let goodBytes = 0
  let torn = false
  for (const line of fileLines(path)) {
    if (!line.complete) {
      torn = true
      break
    }
    let parsed: StoreCommit | { generation?: unknown }
    try {
      parsed = JSON.parse(line.text) as typeof parsed
    } catch {
      throw new DataDirError(`${path} is damaged at line ${line.number}; it was left as it is`)
    }
    goodBytes = line.end
    if (line.number === 1 && 'generation' in parsed && typeof parsed.generation === 'number') {
      generation = parsed.generation
      continue
    }
    commits++
    if (replay && generation === replay.generation) {
      try {
        replay.store.apply(parsed as StoreCommit)
      } catch (error) {
        throw new DataDirError(`${replay.dir} holds state this version cannot load: ${(error as Error).message}`)
      }
    }
  }
  return { generation, commits, goodBytes, torn }
}

/** A promise and its settling, made apart. */
interface Waiting {
  readonly promise: Promise<void>
  resolve(): void
  reject(error: Error): void
}

function waiting(): Waiting {
  let resolve: () => void = () => undefined
  let reject: (error: Error) => void = () => undefined
  const promise = new Promise<void>((yes, no) => {
    resolve = yes
    reject = no
  })
  // Whoever waits sees the failure; an unwatched one is no crash.
  promise.catch(() => undefined)
  return { promise, resolve, reject }
}

/**
 * The log being appended to. Each commit's line is written at once (a write that fails is cut back off and fails its
 * call, as before), and kept by a flush (fdatasync) that covers every line written before it started: while one flush
 * runs, the commits that come meanwhile wait for the next, one flush for all of them (group commit). A commit's
 * promise settles once a flush that covers it is done; a failed flush fails it and refuses every later commit.
 */
export class GroupLog {
  private fd: number
  /** Bytes in the file: where a failed write is cut back to. */
  bytes: number
  private flushing = false
  /** The commits written since the running flush started: the next flush keeps them. */
  private next: Waiting | undefined
  /** Files of earlier logs to close once the flush running on one of them is done. */
  private retired: number[] = []
  private failure: Error | undefined

  constructor(
    path: string,
    private readonly flushed: () => void = () => undefined,
  ) {
    this.fd = openLog(path)
    this.bytes = statSync(path).size
  }

  /** Cuts the file back to `bytes` (a last line cut short). */
  truncate(bytes: number): void {
    ftruncateSync(this.fd, bytes)
    this.bytes = bytes
  }

  /** Writes a line now; settles once a flush has kept it. Throws (the line cut back off) when it cannot be written. */
  append(line: string): Promise<void> {
    if (this.failure) throw this.failure
    const bytes = Buffer.from(line)
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done)
    } catch (error) {
      // A line written in part (a full disk) is cut off, so the log stays readable; the call fails, unacknowledged.
      ftruncateSync(this.fd, this.bytes)
      throw error
    }
    this.bytes += bytes.length
    this.next ??= waiting()
    const kept = this.next.promise
    if (!this.flushing) this.flush()
    return kept
  }

  private flush(): void {
    const group = this.next
    if (!group) return
    this.next = undefined
    this.flushing = true
    fdatasync(this.fd, (error) => {
      this.flushing = false
      for (const fd of this.retired.splice(0)) closeSync(fd)
      if (error) {
        this.fail(error)
        group.reject(this.failure!)
        return
      }
      group.resolve()
      this.flushed()
      this.flush()
    })
  }

  private fail(error: NodeJS.ErrnoException): void {
    this.failure ??= new DataDirError(
      `the data directory's log could not be flushed (${error.code ?? error.message}); changes are refused until the server is restarted`,
    )
    this.next?.reject(this.failure)
    this.next = undefined
  }

  /** Keeps every line written so far, now (a synchronous flush). */
  flushNow(): void {
    if (this.failure) throw this.failure
    try {
      fdatasyncSync(this.fd)
    } catch (error) {
      this.fail(error as NodeJS.ErrnoException)
      throw this.failure
    }
    this.next?.resolve()
    this.next = undefined
  }

  /** Keeps every line written so far, then appends to another file (a new generation's log) from now on. */
  switchTo(path: string): void {
    this.flushNow()
    const fd = openLog(path)
    if (this.flushing) this.retired.push(this.fd)
    else closeSync(this.fd)
    this.fd = fd
    this.bytes = statSync(path).size
  }

  /** Keeps every line written so far and closes the file (once a flush still running on it is done). */
  close(): void {
    try {
      this.flushNow()
    } finally {
      this.failure ??= new DataDirError('the data directory is closed')
      if (this.flushing) this.retired.push(this.fd)
      else closeSync(this.fd)
    }
  }
}

/** Opens a log for appending, readable by its owner only. */
function openLog(path: string): number {
  const fd = openSync(path, 'a', 0o600)
  fchmodSync(fd, 0o600)
  return fd
}
