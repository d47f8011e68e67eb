import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './support/model.js'
import { vitestConfig } from './support/readme.js'

/** A ```tsx vitest block of the README: a component test file (React, Testing Library), run as it stands. */
interface TsxExample {
  readonly index: number
  readonly code: string
}

/** The README's ```tsx vitest blocks, numbered as test/support/readme.ts numbers every fenced block. */
function tsxExamples(markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')): TsxExample[] {
  return [...markdown.matchAll(/^```(\w*)[ ]?([^\n]*)\n([\s\S]*?)^```$/gm)].flatMap((m, index) =>
    m[1] === 'tsx' && m[2]!.trim() === 'vitest' ? [{ index, code: m[3]! }] : [],
  )
}

const dir = join(ROOT, '.tmp', `readme-components-${process.pid}`)
const examples = tsxExamples()
const file = (index: number): string => join(dir, `example-${index}.test.tsx`)

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/src/index.js')))
    throw new Error('run `npm run build` first: the README examples import the built package')
  mkdirSync(dir, { recursive: true })
  // Written as they stand: each block's first line is its `@vitest-environment` docblock.
  for (const example of examples) writeFileSync(file(example.index), example.code)
  // The configuration the README gives, as its other Vitest examples run with.
  writeFileSync(join(dir, 'vitest.config.ts'), vitestConfig())
  // `jsx: react-jsx` is what both tsc and Vite's transform read to compile JSX for React 17 and later.
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        jsx: 'react-jsx',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
      },
      include: ['*.tsx'],
    }),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('README component tests', () => {
  it('has the Authenticator example and the SDK-typed one', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2)
    expect(examples.every((e) => e.code.startsWith('// @vitest-environment jsdom\n'))).toBe(true)
  })

  it('type-checks every component example against the built package', () => {
    const { status, stdout } = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], {
      cwd: dir,
      encoding: 'utf8',
    })
    expect(stdout).toBe('')
    expect(status).toBe(0)
  })

  it.each(examples.map((e) => [e.index, e] as const))(
    'example %i passes as a Vitest file in jsdom',
    { timeout: 180_000 },
    (_index, example) => {
      const run = spawnSync(
        join(ROOT, 'node_modules/.bin/vitest'),
        // A rendered sign-up takes a second alone; the generous timeout is for a machine busy with the rest of the suite.
        [
          'run',
          '--root',
          dir,
          '--config',
          join(dir, 'vitest.config.ts'),
          '--testTimeout=30000',
          `example-${example.index}.test.tsx`,
        ],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      )
      expect(run.status, run.stdout + run.stderr).toBe(0)
      expect(run.stdout).toMatch(/Tests +\d+ passed/)
      expect(run.stdout).not.toMatch(/skipped|todo/)
    },
  )
})
