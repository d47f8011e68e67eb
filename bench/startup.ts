import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../test/support/model.js'
import { compare } from './measure.js'

/** Milliseconds a fresh Node process spends on `code` (an ES module body that prints one number). */
function fresh(code: string): number {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' })
  const value = Number(run.stdout.trim().split('\n').at(-1))
  if (run.status !== 0 || !Number.isFinite(value)) throw new Error(`bench: start-up probe failed: ${run.stderr}`)
  return value
}

const importTime = (specifier: string) =>
  `const t = performance.now(); await import('${specifier}'); console.log(performance.now() - t)`

const firstCall = (setup: string, call: string) =>
  `${setup}; const t = performance.now(); ${call}; console.log(performance.now() - t)`

/**
 * Start-up, each figure from a fresh process (of the package `npm run bench` has just built): importing our MSW handlers beside importing
 * msw itself, and the first `validate` and `sample` after import (lower is better).
 */
export async function startupTimes(): Promise<void> {
  await compare('Start-up: import, fresh process', 'ms', [
    { name: "import('msw')", run: () => fresh(importTime('msw')) },
    {
      name: "import('cognito-idp-contract/msw')",
      run: () => fresh(importTime('cognito-idp-contract/msw')),
      anchor: "import('msw')",
    },
    { name: "import('msw/node')", run: () => fresh(importTime('msw/node')) },
    {
      name: "import('cognito-idp-contract/msw/node')",
      run: () => fresh(importTime('cognito-idp-contract/msw/node')),
      anchor: "import('msw/node')",
    },
    { name: "import('cognito-idp-contract/validate')", run: () => fresh(importTime('cognito-idp-contract/validate')) },
  ])
  const validate = "const { validate } = await import('cognito-idp-contract/validate')"
  const sample = "const { sample } = await import('cognito-idp-contract/arbitraries')"
  await compare('Start-up: first call after import, fresh process', 'ms', [
    {
      name: 'first validate (DescribeUserPool request)',
      run: () => fresh(firstCall(validate, "validate('DescribeUserPool', 'request', { UserPoolId: 'us-east-1_abc' })")),
    },
    {
      name: 'first validate (CreateUserPool request)',
      run: () => fresh(firstCall(validate, "validate('CreateUserPool', 'request', { PoolName: 'pool' })")),
    },
    {
      name: "first sample('DescribeUserPool')",
      run: () => fresh(firstCall(sample, "sample('DescribeUserPool', { seed: 1 })")),
    },
  ])
  // A test file's first sign-in: the pool's signing keys are made when the simulation is created, off the main thread.
  const signIn = (options = '') => `const { createCognito } = await import('cognito-idp-contract/simulation')
const cognito = createCognito(${options})
${SEED_AND_SIGN_IN}`
  const reproducible = signIn('{ reproducibleSecrets: true }')
  const vitest = vitestSignIns()
  await compare('Start-up: sign-in, fresh process (pool seeded just before)', 'ms', [
    { name: 'second sign-in', run: () => fresh(`${signIn()}; await signIn(); ${firstCall('', 'await signIn()')}`) },
    {
      name: 'first sign-in, keys made from a CSPRNG in the process',
      run: () => fresh(firstCall(signIn(), 'await signIn()')),
      anchor: 'second sign-in',
    },
    {
      name: 'first sign-in, reproducible secrets (published keys)',
      run: () => fresh(firstCall(reproducible, 'await signIn()')),
      anchor: 'second sign-in',
    },
    { name: 'second sign-in, Vitest file', run: () => vitest('second') },
    {
      name: 'first sign-in, Vitest file, keys from testing/vitest-setup',
      run: () => vitest('first'),
      anchor: 'second sign-in, Vitest file',
    },
  ])
}

/** Seeds one pool with one user and defines `signIn()`, in a module where `cognito` is a simulation. */
const SEED_AND_SIGN_IN = `await cognito.seed({ userPools: [{ PoolName: 'p', Id: 'us-east-1_First0001', Clients: [{ ClientName: 'c', ClientId: 'firstclient000000000000001', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }], Users: [{ username: 'jane', password: 'Correct-Horse-1' }] }] })
const signIn = () => cognito.send('InitiateAuth', { ClientId: 'firstclient000000000000001', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' } })`

/**
 * The first and second sign-in of a Vitest test file (a fresh worker process) in a project configured as the README
 * says, with the global setup's keys: each call of the returned function gives one of a run's two figures, running
 * Vitest again when the run's figure of that kind was already given.
 */
function vitestSignIns(): (which: 'first' | 'second') => number {
  const dir = join(ROOT, '.tmp', `bench-vitest-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { globalSetup: ['cognito-idp-contract/testing/vitest-setup'], setupFiles: ['cognito-idp-contract/testing/vitest'] } }\n`,
  )
  writeFileSync(
    join(dir, 'sign-in.test.mjs'),
    `import { createCognito } from 'cognito-idp-contract/simulation'
import { it } from 'vitest'
import { writeFileSync } from 'node:fs'
it('signs in twice', async () => {
  const cognito = createCognito()
  ${SEED_AND_SIGN_IN}
  let t = performance.now(); await signIn(); const first = performance.now() - t
  t = performance.now(); await signIn(); const second = performance.now() - t
  writeFileSync(${JSON.stringify(join(dir, 'figures.json'))}, JSON.stringify({ first, second }))
})
`,
  )
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  let pending: { first?: number; second?: number } = {}
  return (which) => {
    if (pending[which] === undefined) {
      const run = spawnSync(
        join(ROOT, 'node_modules/.bin/vitest'),
        ['run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      )
      if (run.status !== 0) throw new Error(`bench: Vitest sign-in probe failed: ${run.stdout}${run.stderr}`)
      pending = JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8')) as { first: number; second: number }
    }
    const value = pending[which]!
    delete pending[which]
    return value
  }
}
