import { execFileSync, spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/model.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  exports: Record<string, unknown>
  devDependencies: Record<string, string>
}
const work = mkdtempSync(join(tmpdir(), 'cognito-idp-contract-package-'))
const clone = join(work, 'clone')
const consumer = join(work, 'consumer')
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
let tarball = ''

/** Every entry point a consumer can import (the wildcard ones through one operation). */
const entries = Object.keys(pkg.exports)
  .filter((key) => !key.endsWith('.json') && !key.includes('json-schema'))
  .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2).replace('*', 'DescribeUserPool')}`))

/**
 * Where the package is packed from: a fresh clone of this checkout, installed with `npm ci` (its `prepare` builds it).
 * CI runs from a fresh clone already, installed and built the same way, and says so with PACKAGE_FROM_CHECKOUT=1: the
 * checkout itself is packed then, and the clone's second install (minutes) is saved.
 */
const source = process.env['PACKAGE_FROM_CHECKOUT'] === '1' ? ROOT : clone

beforeAll(() => {
  if (source === clone) {
    execFileSync('git', ['clone', '--quiet', ROOT, clone])
    npm(['ci'], clone)
  }
  npm(['pack', '--pack-destination', work], source)
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!)
  mkdirSync(consumer)
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  const peers = ['msw', 'fast-check', 'vitest'].map((name) => `${name}@${pkg.devDependencies[name]}`)
  npm(['install', tarball, ...peers], consumer)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the package, from a fresh clone', () => {
  it('packs what consumers run and read: built code, JSON Schema, the contract, no sources, maps or importer', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n')
    expect(files).toContain('package/dist/src/tooling/cli/main.js')
    expect(files).toContain('package/dist/src/index.d.ts')
    expect(files).toContain('package/generated/contract.json')
    expect(files).toContain('package/generated/json-schema/DescribeUserPool.request.json')
    expect(files).toContain('package/LICENSE')
    expect(
      files.filter((f) =>
        /\.map$|(?<!\.d)\.ts$|tooling\/(importer|codegen)|^package\/(src|test|bench|schemas)\//.test(f),
      ),
    ).toEqual([])
  })

  it('imports every Node entry point', () => {
    const nodeEntries = entries.filter((e) => !e.endsWith('/msw/browser'))
    // Type-only entry points (types, types/sdk) and the Vitest registration export nothing at run time.
    const empty = new Set([`${pkg.name}/types`, `${pkg.name}/types/sdk`, `${pkg.name}/testing/vitest`])
    const lines = nodeEntries.map((e, i) => `import * as m${i} from '${e}'`)
    const counts = nodeEntries.map((e, i) => `['${e}', Object.keys(m${i}).length > 0 || ${empty.has(e)}]`)
    writeFileSync(
      join(consumer, 'imports.mjs'),
      `${lines.join('\n')}\nconsole.log(JSON.stringify([${counts.join(', ')}].filter(([, ok]) => !ok)))\n`,
    )
    expect(execFileSync(process.execPath, ['imports.mjs'], { cwd: consumer, encoding: 'utf8' })).toBe('[]\n')
    const contract = `import c from '${pkg.name}/contract.json' with { type: 'json' }\nimport s from '${pkg.name}/json-schema/DescribeUserPool.request.json' with { type: 'json' }\nconsole.log(Object.keys(c.operations).length, s.$ref)\n`
    writeFileSync(join(consumer, 'json.mjs'), contract)
    expect(execFileSync(process.execPath, ['json.mjs'], { cwd: consumer, encoding: 'utf8' })).toMatch(
      /^\d+ #\/\$defs\/DescribeUserPoolRequest\n$/,
    )
  })

  it('type-checks every entry point for a consumer with strict and exactOptionalPropertyTypes', () => {
    writeFileSync(
      join(consumer, 'types.ts'),
      `${entries.map((e, i) => `import * as t${i} from '${e}'`).join('\n')}\nexport const all = [${entries.map((_, i) => `t${i}`).join(', ')}]\n`,
    )
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          skipLibCheck: true,
          lib: ['ES2023', 'DOM'],
          types: [],
        },
        files: ['types.ts'],
      }),
    )
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')
    expect(execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' })).toBe('')
  })

  it('answers npx cognito-idp-contract --version and --help right after npm ci in a fresh clone', () => {
    expect(execFileSync('npx', ['cognito-idp-contract', '--version'], { cwd: source, encoding: 'utf8' })).toBe(
      `${pkg.version}\n`,
    )
    expect(execFileSync('npx', ['cognito-idp-contract', '--help'], { cwd: source, encoding: 'utf8' })).toContain(
      'usage: cognito-idp-contract <command>',
    )
  })

  it("starts the README's main command, npx cognito-idp-contract serve, in the fresh clone, linking, not copying", async () => {
    const npxCache = join(homedir(), '.npm', '_npx')
    const cached = () => (existsSync(npxCache) ? readdirSync(npxCache) : [])
    const before = new Set(cached())
    // Its own process group, so the server npx started stops with it.
    const child = spawn('npx', ['cognito-idp-contract', 'serve', '--port', '0'], { cwd: source, detached: true })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        // Not a timing assertion: a command that starts has printed its address long before this.
        const timer = setTimeout(() => reject(new Error(`serve printed no address in 60 s: ${out}`)), 60_000)
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const found = /a local Cognito on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
          if (found) {
            clearTimeout(timer)
            resolve(found[1]!)
          }
        })
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
      })
      const health = (await (await fetch(`${url}/_cognito-idp-contract/health`)).json()) as { status: string }
      expect(health.status).toBe('ok')
    } finally {
      process.kill(-child.pid!, 'SIGINT')
    }
    // npx runs the clone itself: what it keeps in its cache is a link to the clone, nothing copied or built there
    // (which took half a minute, and broke every later npx when interrupted).
    for (const entry of cached().filter((e) => !before.has(e))) {
      const installed = join(npxCache, entry, 'node_modules', pkg.name)
      if (existsSync(installed)) expect(realpathSync(installed)).toBe(realpathSync(source))
    }
  })

  it('bundles the browser entry point for a page', async () => {
    const { build } = await import('esbuild')
    const result = await build({
      stdin: {
        contents: `import { setupCognitoWorker } from '${pkg.name}/msw/browser'\nconsole.log(setupCognitoWorker)\n`,
        resolveDir: consumer,
      },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    })
    expect(result.outputFiles[0]!.text).toContain('setupWorker')
  })

  it("passes the ecosystem's package checks: publint (strict) and arethetypeswrong (ESM only)", () => {
    const bin = (name: string) => join(ROOT, 'node_modules/.bin', name)
    expect(execFileSync(bin('publint'), ['--strict'], { cwd: source, encoding: 'utf8' })).toContain('All good!')
    // Exits non-zero on any problem an ESM-only package can have (node16 from ESM, bundler).
    execFileSync(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped'], { encoding: 'utf8' })
  })

  it('runs its command line', () => {
    const bin = join(consumer, 'node_modules/.bin/cognito-idp-contract')
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${pkg.version}\n`)
    const ops = execFileSync(bin, ['ops'], { encoding: 'utf8' })
    expect(ops).toMatch(/\n\d+ operations \(\* simulated: \d+\)\n.*docs\/fidelity\.md\n$/)
    // The fidelity page `ops` points to is in the installed package.
    expect(existsSync(join(consumer, 'node_modules/cognito-idp-contract/docs/fidelity.md'))).toBe(true)
  })
})
