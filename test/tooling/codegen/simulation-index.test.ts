import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { operations } from '../../../schemas/operations.js'
import { SIMULATED_OPERATIONS } from '../../../src/core/simulation/index.js'
import { INDEX_FILE, operationFiles, simulationIndex } from '../../../src/tooling/codegen/simulation-index.js'
import { ROOT } from '../../support/model.js'

describe('the index of simulated operations', () => {
  it('is what `npm run simulation:index` writes from the folder (run it after adding an operation file)', () => {
    expect(readFileSync(join(ROOT, INDEX_FILE), 'utf8')).toBe(simulationIndex(ROOT))
  })

  it('is what CONTRIBUTING.md shows: its example is a real operation file, as it stands', () => {
    const guide = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')
    const example = /```ts\n\/\/ (src\/core\/simulation\/operations\/\w+\.ts)\n([\s\S]*?)```/.exec(guide)
    expect(example).not.toBeNull()
    expect(example![2]).toBe(readFileSync(join(ROOT, example![1]!), 'utf8'))
  })

  it('has one file per simulated operation, each named after an operation of the model', () => {
    const files = operationFiles(ROOT)
    expect(files).toEqual([...SIMULATED_OPERATIONS])
    for (const name of files) expect(Object.keys(operations)).toContain(name)
  })
})
