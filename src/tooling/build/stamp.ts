import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** What a build is made from: its sources, the schemas, the generated files and the build's own settings. */
const INPUTS = ['src', 'schemas', 'generated', 'package.json', 'package-lock.json', 'tsconfig.json']

/** Where a build records the stamp of the sources it was made from. */
export const STAMP_FILE = 'dist/.source-stamp'

function files(root: string, path: string, out: string[]): void {
  const full = join(root, path)
  if (!existsSync(full)) return
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) files(root, join(path, name), out)
  } else out.push(relative(root, full))
}

/** A SHA-256 over the build's input files (names and contents): equal stamps, the same build. */
export function sourceStamp(root: string): string {
  const hash = createHash('sha256')
  const all: string[] = []
  for (const input of INPUTS) files(root, input, all)
  for (const file of all)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0')
  return hash.digest('hex')
}

/** Whether `dist/` was built from the sources as they are now. */
export function builtFromCurrentSources(root: string): boolean {
  const stamp = join(root, STAMP_FILE)
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourceStamp(root)
}
