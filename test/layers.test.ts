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
  // A relying party's passkey checks, loaded lazily by the one file that runs them.
  '@simplewebauthn/server': ['src/core/simulation/resources/webauthn-verify.ts'],
  // User import files, parsed by the one file that loads the parser lazily (its browser build runs everywhere).
  'csv-parse': ['src/core/simulation/resources/import-csv.ts'],
  // Self-signed X.509 (the pool's SAML signing certificate, serve --https), loaded lazily by the one file that makes them.
  pkijs: ['src/core/simulation/resources/saml-x509.ts'],
  asn1js: ['src/core/simulation/resources/saml-x509.ts'],
  // SAML 2.0 federation (Node only), loaded by a name bundlers do not follow, by the one file that loads it.
  samlify: ['src/core/simulation/resources/saml-library.ts'],
  '@authenio/samlify-node-xmllint': ['src/core/simulation/resources/saml-library.ts'],
  // CIDR blocks of threat protection's IP exceptions.
  'ipaddr.js': ['src/core/simulation/resources/ip-ranges.ts'],
  msw: ['src/adapters/msw'],
  esbuild: ['src/tooling/build'],
  vitest: ['src/adapters/testing'],
  // Types only (@types/aws-lambda): the trigger handlers' signatures.
  'aws-lambda': ['src/core/simulation/triggers', 'src/core/simulation/lambdas.ts'],
  // The contract file helpers are Node's own subpath (cognito-idp-contract/contract/node).
  'node:': ['src/adapters/server', 'src/adapters/msw/node.ts', 'src/tooling', 'src/core/contract/file.ts'],
}

/** Where the simulation itself is; its own layers below are paths inside it. */
const SIMULATION = 'src/core/simulation'

/**
 * The simulation's own layers, lowest first. Each names its units: a folder, or root files placed together. A file
 * may import files of its own unit and of lower layers only; units on the same layer do not import each other.
 */
const SIMULATION_LAYERS: ReadonlyArray<Readonly<Record<string, readonly string[]>>> = [
  // Generic storage: tables, snapshots, ids, secrets. It knows no domain.
  { engine: ['engine'] },
  // What every layer works with: the context and its errors, operation definitions, paging, the trigger types.
  { base: ['context.ts', 'define.ts', 'errors.ts', 'paging.ts', 'lambdas.ts'] },
  // Stored things: rows, tables, lookups, validation of stored values. No behaviour that calls triggers.
  { resources: ['resources'] },
  // Lambda events built, the configured functions invoked, their responses read.
  { triggers: ['triggers'] },
  // Behaviour over resources that calls triggers: sign-in, message delivery, migration, attribute updates.
  { flows: ['flows'] },
  // Entry points: one file per operation.
  { operations: ['operations'] },
  // The domain's pages and OAuth endpoints, which run operations (SignUp, ForgotPassword…) for their forms.
  { hosted: ['hosted'] },
  // What puts the simulation together: its tables, where a call lands, the outbox, fixtures, the simulation.
  { assembly: ['schema.ts', 'locate.ts', 'outbox.ts', 'fixtures.ts', 'cognito.ts', 'controls.ts', 'index.ts'] },
]

/**
 * Files of the simulation that any layer may import types from (`import type`: nothing runs), each with its reason.
 * The schema gathers the tables of every layer, and the store and the context's tables are typed by it.
 */
const TYPES_FOR_ALL: readonly string[] = ['schema.ts']

function unitOf(path: string): { unit: string; layer: number } | undefined {
  const inner = path.slice(SIMULATION.length + 1)
  for (const [layer, units] of SIMULATION_LAYERS.entries()) {
    for (const [unit, paths] of Object.entries(units)) {
      if (paths.some((p) => inner === p || inner.startsWith(`${p}/`))) return { unit, layer }
    }
  }
  return undefined
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

/** A file's relative imports, resolved to paths, and whether each is type-only (`import type`, `export type`). */
function relativeImports(file: string): Array<{ target: string; typeOnly: boolean }> {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [
    ...text.matchAll(
      /^(?:import|export)(\s+type\b)?[^'"]*?from\s+['"](\.[^'"]*)['"]|^import\s+['"](\.[^'"]*)['"]|import\(\s*['"](\.[^'"]*)['"]\s*\)/gm,
    ),
  ].map((m) => ({
    target: relative(ROOT, resolve(dirname(join(ROOT, file)), (m[2] ?? m[3] ?? m[4])!))
      .split('\\')
      .join('/')
      .replace(/\.js$/, '.ts'),
    typeOnly: m[1] !== undefined,
  }))
}

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

  it("every file of the simulation has its place in the simulation's own layers", () => {
    expect(files(SIMULATION).filter((f) => !unitOf(f))).toEqual([])
  })

  it('inside the simulation, engine ← base ← resources ← triggers ← flows ← operations ← hosted ← assembly: no import points up or across', () => {
    const wrong: string[] = []
    for (const file of files(SIMULATION)) {
      const from = unitOf(file)
      if (!from) continue
      for (const { target, typeOnly } of relativeImports(file)) {
        if (!target.startsWith(`${SIMULATION}/`)) continue
        const to = unitOf(target)
        const pair = `${file.slice(SIMULATION.length + 1)} -> ${target.slice(SIMULATION.length + 1)}`
        if (!to) wrong.push(`${pair}, which has no place`)
        else if (
          to.unit !== from.unit &&
          to.layer >= from.layer &&
          !(typeOnly && TYPES_FOR_ALL.includes(target.slice(SIMULATION.length + 1)))
        )
          wrong.push(`${pair} (${from.unit} -> ${to.unit})`)
      }
    }
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
