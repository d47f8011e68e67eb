import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './support/model.js'

/**
 * The layers, lowest first. A file may import files of its own folder and of lower layers only; folders
 * on the same layer (protocol and arbitraries, the four adapters) do not import each other.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  // TypeBox's builders, without TypeBox's start-up cost: what the generated schemas are made with.
  ['src/core/type'],
  ['schemas', 'generated'],
  ['src/core/shared'],
  ['src/core/regex'],
  ['src/core/validate'],
  ['src/core/arbitraries', 'src/core/protocol', 'src/core/contract'],
  ['src/core/simulation'],
  ['src/core/mock'],
  ['src/adapters/msw', 'src/adapters/sdk', 'src/adapters/server', 'src/adapters/testing', 'src/index.ts'],
  ['src/tooling/model'],
  ['src/tooling/changes'],
  ['src/tooling/importer', 'src/tooling/codegen', 'src/tooling/build'],
  ['src/tooling/cli'],
]

/** Packages outside the project, and the folders that may import them. */
const PACKAGES: Readonly<Record<string, readonly string[]>> = {
  typebox: ['schemas', 'src/core', 'src/index.ts', 'src/tooling'],
  'fast-check': ['src/core/arbitraries', 'src/core/mock', 'src/adapters/testing/verify'],
  '@noble/hashes': ['src/core/shared'],
  msw: ['src/adapters/msw'],
  esbuild: ['src/tooling/build'],
  vitest: ['src/adapters/testing'],
  // Types only (@types/aws-lambda): the trigger handlers' signatures.
  'aws-lambda': ['src/core/simulation/triggers', 'src/core/simulation/lambdas.ts'],
  // The contract file helpers are Node's own subpath (cognito-idp-contract/contract/node).
  'node:': ['src/adapters/server', 'src/adapters/msw/node.ts', 'src/tooling', 'src/core/contract/file.ts'],
}

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
}

function folderOf(path: string): { folder: string; layer: number } | undefined {
  for (const [layer, folders] of LAYERS.entries()) {
    const folder = folders.find((f) => path === f || path.startsWith(`${f}/`))
    if (folder) return { folder, layer }
  }
  return undefined
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [
    ...text.matchAll(
      /^(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3])!)
}

const sources = [...files('src'), ...files('schemas'), ...files('generated')]

describe('layers', () => {
  it("the simulation's storage engine knows no domain: it imports nothing of the simulation outside engine/", () => {
    const wrong = files('src/core/simulation/engine').flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) =>
          relative(ROOT, resolve(dirname(join(ROOT, file)), spec))
            .split('\\')
            .join('/'),
        )
        .filter(
          (target) => target.startsWith('src/core/simulation/') && !target.startsWith('src/core/simulation/engine/'),
        )
        .map((target) => `${file} -> ${target}`),
    )
    expect(wrong).toEqual([])
  })

  it('every source file belongs to a layer', () => {
    expect(sources.filter((f) => !folderOf(f))).toEqual([])
  })

  it('no import points up a layer or across to a sibling folder', () => {
    const wrong: string[] = []
    for (const file of sources) {
      const from = folderOf(file)!
      for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
        const target = relative(ROOT, resolve(dirname(join(ROOT, file)), spec))
          .split('\\')
          .join('/')
          .replace(/\.js$/, '.ts')
        const to = folderOf(target)
        if (!to) wrong.push(`${file} imports ${target}, which is in no layer`)
        else if (to.folder !== from.folder && to.layer >= from.layer)
          wrong.push(`${file} (${from.folder}) imports ${target} (${to.folder})`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('packages are imported only where they belong (the core runs in browsers: no node: modules)', () => {
    const wrong: string[] = []
    for (const file of sources) {
      for (const spec of imports(file).filter((s) => !s.startsWith('.'))) {
        const pkg = Object.keys(PACKAGES).find((p) => spec === p || spec.startsWith(p.endsWith(':') ? p : `${p}/`))
        if (!pkg) wrong.push(`${file} imports ${spec}, a package no layer may use`)
        else if (!PACKAGES[pkg]!.some((f) => file === f || file.startsWith(`${f}/`)))
          wrong.push(`${file} imports ${spec}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
