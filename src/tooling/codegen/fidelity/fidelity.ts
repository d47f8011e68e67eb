import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { operations } from '../../../../schemas/operations.js'
import { operationFiles } from '../simulation-index.js'
import { attribute, PROTOCOL_DIRS, SIMULATION_DIR } from './attribute.js'
import { renderFidelity } from './render.js'

/** Every `.ts` file under the folders the page reads, by path relative to the root (`/` separators). */
export function fidelitySources(root: string): Map<string, string> {
  const sources = new Map<string, string>()
  for (const dir of [SIMULATION_DIR, ...PROTOCOL_DIRS]) {
    const entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith('.ts')) continue
      const path = join(e.parentPath, e.name)
      sources.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'))
    }
  }
  return sources
}

/** The text of docs/fidelity.md for the project at `root`. */
export function fidelityPage(root: string): string {
  return renderFidelity(
    attribute({
      operations: operationFiles(root),
      modelOperations: Object.keys(operations).length,
      sources: fidelitySources(root),
    }),
  )
}
