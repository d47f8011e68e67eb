import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { mergeContracts, parseContract } from './merge.js'
import type { ConsumerContract } from './types.js'

/** How long a writer waits for another one's lock before taking it over (a lock this old was left by a crash). */
const STALE_LOCK_MS = 10_000

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Reads a contract file; throws with the file's name when it is missing or not a contract. */
export function readContract(file: string): ConsumerContract {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new Error(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${file} is not JSON`)
  }
  return parseContract(json, file)
}

function withLock<T>(file: string, run: () => T): T {
  const lock = `${file}.lock`
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(lock, 'wx'))
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true })
      } catch {
        // Gone between the two calls: try again.
      }
      sleep(Math.min(5 * 2 ** attempt, 100))
    }
  }
  try {
    return run()
  } finally {
    rmSync(lock, { force: true })
  }
}

/**
 * Writes a contract file, by default merged with the contract the file already holds (so test files run by
 * several workers add up). The write is atomic and serialised by a lock file beside it.
 */
export function writeContract(
  file: string,
  contract: ConsumerContract,
  options: { readonly merge?: boolean | undefined } = {},
): ConsumerContract {
  return withLock(file, () => {
    let out = contract
    if (options.merge !== false) {
      let existing: ConsumerContract | undefined
      try {
        existing = readContract(file)
      } catch (error) {
        if (!/no such file/.test((error as Error).message)) throw error
      }
      if (existing) out = mergeContracts([existing, contract])
    }
    const aside = `${file}.${process.pid}.tmp`
    writeFileSync(aside, `${JSON.stringify(out, null, 2)}\n`)
    renameSync(aside, file)
    return out
  })
}
