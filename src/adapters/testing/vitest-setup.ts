import type { TestProject } from 'vitest/node'
import { makeRingKey } from '../../core/simulation/resources/keyring.js'
import { SIGNING_KEYS } from './signing-keys.js'

/** Key pairs made per run: two pools' ID and access keys; a file that needs more makes them itself when first used. */
const COUNT = 4

/**
 * Vitest global setup (`globalSetup: ['cognito-idp-contract/testing/vitest-setup']`): makes RSA signing keys once per
 * run, from a CSPRNG and kept in memory only, and provides them to every test file, where
 * `cognito-idp-contract/testing/vitest` hands them to the simulation; a file's first sign-in then signs at once instead
 * of waiting for key generation (`npm run bench startup` shows both).
 */
export default async function setup(project: Pick<TestProject, 'provide'>): Promise<void> {
  const keys = await Promise.all(Array.from({ length: COUNT }, () => makeRingKey()))
  project.provide(SIGNING_KEYS, keys)
}
