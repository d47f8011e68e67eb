import { posix } from 'node:path'

/** An import or re-export statement: its clause (names, `* as x`, a default) and specifier, or a bare import's. */
const IMPORT =
  /^(import|export)\s+((?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+))\s*from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm

/** The specifiers of a module's static imports and re-exports that bring values (`import type` ones left out). */
export function valueImports(source: string): string[] {
  const out: string[] = []
  for (const m of source.matchAll(IMPORT)) {
    if (m[4] !== undefined) {
      out.push(m[4])
      continue
    }
    const clause = m[2]!
    if (/^type\b/.test(clause)) continue
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1]
    const parts = names
      ?.split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
    if (parts && parts.length > 0 && parts.every((p) => /^type\s/.test(p))) continue
    out.push(m[3]!)
  }
  return out
}

/** A project file a relative specifier names from `file` (both relative to the root, `.js` read as `.ts`). */
export function resolveImport(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  return posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts')
}

/**
 * Every file each root reaches through value imports, itself included, following only files `inside` accepts.
 * `sourceOf` gives a file's text (undefined for a file that does not exist).
 */
export function reachable(
  roots: readonly string[],
  inside: (file: string) => boolean,
  sourceOf: (file: string) => string | undefined,
): Map<string, Set<string>> {
  const edges = new Map<string, string[]>()
  const importsOf = (file: string): string[] => {
    let known = edges.get(file)
    if (!known) {
      const source = sourceOf(file) ?? ''
      known = valueImports(source)
        .map((s) => resolveImport(file, s))
        .filter((f): f is string => f !== undefined && inside(f) && sourceOf(f) !== undefined)
      edges.set(file, known)
    }
    return known
  }
  const out = new Map<string, Set<string>>()
  for (const root of roots) {
    const seen = new Set<string>([root])
    const queue = [root]
    while (queue.length > 0) {
      for (const next of importsOf(queue.pop()!)) {
        if (seen.has(next)) continue
        seen.add(next)
        queue.push(next)
      }
    }
    out.set(root, seen)
  }
  return out
}
