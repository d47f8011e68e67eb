import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { END_USER } from '../../../src/core/simulation/resources/replica-policy.js'
import { HAS_MODEL, MODEL_PATH } from '../../support/model.js'

describe.skipIf(!HAS_MODEL)("a secondary replica's end-user operations", () => {
  it("hold every operation the model marks authtype none (no IAM), so the list cannot drift from the model's", () => {
    const service = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as {
      operations: Record<string, { authtype?: string }>
    }
    const unsigned = Object.entries(service.operations)
      .filter(([, op]) => op.authtype === 'none')
      .map(([name]) => name)
    expect(unsigned.length).toBeGreaterThan(0)
    expect(unsigned.filter((name) => !END_USER.has(name))).toEqual([])
  })
})
