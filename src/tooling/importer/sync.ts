import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { GeneratedFiles } from './import-model.js'

/** The folders the importer owns entirely. */
export const OWNED_DIRS = ['schemas', 'generated'] as const

/** How the files on disk differ from what the importer would write. */
export interface Drift {
  readonly changed: string[]
  readonly added: string[]
  readonly removed: string[]
}

function listFiles(root: string, dir: string): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

/** Compares generated files with what is on disk under the owned folders. */
export function drift(root: string, files: GeneratedFiles): Drift {
  const onDisk = new Set(OWNED_DIRS.flatMap((dir) => listFiles(root, dir)))
  const changed: string[] = []
  const added: string[] = []
  for (const [path, text] of files) {
    if (!onDisk.has(path)) added.push(path)
    else if (readFileSync(join(root, path), 'utf8') !== text) changed.push(path)
  }
  const removed = [...onDisk].filter((path) => !files.has(path))
  return { changed: changed.sort(), added: added.sort(), removed: removed.sort() }
}

/** Writes generated files and deletes stale ones in the owned folders. */
export function writeFiles(root: string, files: GeneratedFiles): Drift {
  const result = drift(root, files)
  for (const path of [...result.changed, ...result.added]) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), files.get(path)!)
  }
  for (const path of result.removed) rmSync(join(root, path))
  return result
}
