import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** A data directory problem, said in one line. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError'
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
export function lock(dir: string, notes: string[]): string {
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

/** Gives back the lock `lock` took (its path) of a directory (its real path). */
export function unlock(dir: string, path: string): void {
  held.delete(dir)
  try {
    unlinkSync(path)
  } catch {
    // Already gone: nothing to give back.
  }
}
