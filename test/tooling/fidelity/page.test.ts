import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SIMULATED_OPERATIONS } from '../../../src/core/simulation/index.js'
import { fidelityPage } from '../../../src/tooling/codegen/fidelity/fidelity.js'
import { FIDELITY_FILE } from '../../../src/tooling/codegen/fidelity/render.js'
import { ROOT } from '../../support/model.js'

const page = fidelityPage(ROOT)

describe('docs/fidelity.md', () => {
  it('is what `npm run fidelity` writes from the code (run it after changing a seen or chosen comment)', () => {
    expect(readFileSync(join(ROOT, FIDELITY_FILE), 'utf8')).toBe(page)
  })

  it('has a section for every simulated operation', () => {
    for (const name of SIMULATED_OPERATIONS) expect(page).toContain(`\n### ${name}\n`)
    expect(page).toContain(`**${SIMULATED_OPERATIONS.length} operations simulated**`)
  })

  it('links every behaviour to a line of a comment that holds its marking word or difference', () => {
    const links = [...page.matchAll(/\]\(\.\.\/(src\/[^)#]+)#L(\d+)\)/g)]
    expect(links.length).toBeGreaterThan(100)
    for (const [, file, line] of links) {
      const text = readFileSync(join(ROOT, file!), 'utf8').split('\n')[Number(line) - 1]!
      expect(text, `${file}:${line}`).toMatch(/\b(seen|chosen|unlike|differs?|simulat\w*|Cognito)\b/i)
    }
  })
})
