import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../support/model.js'
import { vitestConfig } from '../../support/readme.js'

const dir = join(ROOT, '.tmp', `vitest-setup-${process.pid}`)

/** A test file that signs in and writes down its pool's kids and the kids the global setup provided. */
const probe = (name: string) => `import { createCognito } from 'cognito-idp-contract/simulation'
import { inject, it, expect } from 'vitest'
import { writeFileSync } from 'node:fs'
it('signs in', async () => {
  const cognito = createCognito()
  await cognito.seed({ userPools: [{ PoolName: 'p', Id: 'us-east-1_Setup0001', Clients: [{ ClientName: 'c', ClientId: 'setupclient000000000000001', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }], Users: [{ username: 'jane', password: 'Correct-Horse-1' }] }] })
  const { AuthenticationResult } = await cognito.send('InitiateAuth', { ClientId: 'setupclient000000000000001', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' } })
  expect(AuthenticationResult.IdToken).toBeTruthy()
  const kids = (await cognito.jwks('us-east-1_Setup0001')).keys.map((k) => k.kid)
  const provided = (inject('cognito-idp-contract:signing-keys') ?? []).map((k) => k.kid)
  writeFileSync(${JSON.stringify(join(dir, `${name}.json`))}, JSON.stringify({ kids, provided, pid: process.pid }))
})
`

/** Runs Vitest on the two probe files with a configuration file's text; what each file wrote down. */
function run(config: string) {
  writeFileSync(join(dir, 'vitest.config.ts'), config)
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/vitest'),
    ['run', '--root', dir, '--config', join(dir, 'vitest.config.ts')],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  )
  expect(result.status, result.stdout + result.stderr).toBe(0)
  const read = (name: string) =>
    JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { kids: string[]; provided: string[]; pid: number }
  return [read('a'), read('b')] as const
}

/** The Vitest configuration the README gives (its ```ts vitest.config block), as it stands. */
const README_CONFIG = vitestConfig()

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/src/index.js')))
    throw new Error('run `npm run build` first: this test runs the built package')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'a.test.mjs'), probe('a'))
  writeFileSync(join(dir, 'b.test.mjs'), probe('b'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('cognito-idp-contract/testing/vitest-setup', () => {
  it("gives every test file's first pool keys made once for the run, before the file runs", () => {
    const [a, b] = run(README_CONFIG)
    expect(a.pid).not.toBe(b.pid) // two fresh processes
    expect(a.provided).toHaveLength(4)
    expect(b.provided).toEqual(a.provided)
    expect(a.kids).toEqual(a.provided.slice(0, 2))
    expect(b.kids).toEqual(a.provided.slice(0, 2))
  })

  it('makes other keys in another run: random keys stay random', () => {
    const [first] = run(README_CONFIG)
    const [second] = run(README_CONFIG)
    expect(second.provided.filter((kid) => first.provided.includes(kid))).toEqual([])
  })

  it('leaves files to make their own keys when only the setup file is configured', () => {
    const [a, b] = run("export default { test: { setupFiles: ['cognito-idp-contract/testing/vitest'] } }\n")
    expect(a.provided).toEqual([])
    expect(a.kids).toHaveLength(2)
    expect(b.kids.filter((kid) => a.kids.includes(kid))).toEqual([])
  })
})
