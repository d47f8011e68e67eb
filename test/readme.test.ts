import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { service } from '../schemas/service.js'
import { ROOT } from './support/model.js'
import { consoleExamples, tsExamples, vitestConfig } from './support/readme.js'

const dir = join(ROOT, '.tmp', `readme-${process.pid}`)
const examples = tsExamples()
const file = (index: number, runner = 'node'): string =>
  join(dir, runner === 'vitest' ? `example-${index}.test.ts` : `example-${index}.ts`)

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/src/index.js')))
    throw new Error('run `npm run build` first: the README examples import the built package')
  mkdirSync(dir, { recursive: true })
  for (const example of examples.filter((e) => e.runner !== 'config'))
    writeFileSync(file(example.index, example.runner), `export {}\n${example.code}`)
  // oidc-provider ships no types; the README's federation example is type-checked with ours.
  writeFileSync(join(dir, 'oidc-provider.d.ts'), readFileSync(join(ROOT, 'test/support/oidc-provider.d.ts'), 'utf8'))
  // The Vitest examples run with the configuration the README gives (type-checked with them).
  writeFileSync(join(dir, 'vitest.config.ts'), vitestConfig())
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        skipLibCheck: true,
        resolveJsonModule: true,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
      },
      include: ['*.ts'],
    }),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('README', () => {
  it('states the operation count of the model it was generated from', () => {
    const counts = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/\ball (\d+)\b/g)].map((m) =>
      Number(m[1]),
    )
    expect(counts.length).toBeGreaterThan(0)
    for (const count of counts) expect(count).toBe(service.operationCount)
  })

  it('has examples of types, schemas, validation and JSON Schema', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4)
  })

  it('type-checks every TypeScript example against the built package', () => {
    const { status, stdout } = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], {
      cwd: dir,
      encoding: 'utf8',
    })
    expect(stdout).toBe('')
    expect(status).toBe(0)
  })

  it.each(examples.filter((e) => e.runner === 'node').map((e) => [e.index, e] as const))(
    'example %i prints what the README says',
    (_index, example) => {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', file(example.index)], {
        cwd: ROOT,
        encoding: 'utf8',
      })
      if (example.output !== undefined) expect(stdout).toBe(example.output)
    },
  )

  it.each(examples.filter((e) => e.runner === 'vitest').map((e) => [e.index, e] as const))(
    'example %i passes as a Vitest file',
    (_index, example) => {
      const run = spawnSync(
        join(ROOT, 'node_modules/.bin/vitest'),
        ['run', '--root', dir, '--config', join(dir, 'vitest.config.ts'), `example-${example.index}.test.ts`],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      )
      expect(run.status, run.stdout + run.stderr).toBe(0)
      expect(run.stdout).toMatch(/Tests +\d+ passed/)
    },
  )

  it.for(consoleExamples().map((e) => [e.command, e] as const))('$ %s', ([, example], context) => {
    // A command that reads the models beside the clone is skipped, saying so, where they are not.
    if (example.command.includes('../shared/') && !existsSync(join(ROOT, '../shared/models')))
      return context.skip('needs ../shared/models beside the clone')
    const command = example.command.replaceAll(
      'npx cognito-idp-contract',
      `node ${join(ROOT, 'dist/src/tooling/cli/main.js')}`,
    )
    const { stdout } = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8' })
    expect(stdout).toBe(example.output)
  })
})
