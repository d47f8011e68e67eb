import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIDELITY_PAGE, formatOperations, operationRows } from '../../../src/tooling/cli/commands/ops.js'
import { FIDELITY_FILE } from '../../../src/tooling/codegen/fidelity/render.js'
import { ROOT } from '../../support/model.js'

describe('`ops` and the fidelity page', () => {
  it('ends with a line pointing to the page in the installed package', () => {
    const last = formatOperations(operationRows()).trimEnd().split('\n').at(-1)!
    expect(last).toContain('seen and chosen behaviours of each simulated operation')
    expect(last.endsWith(FIDELITY_PAGE)).toBe(true)
    expect(FIDELITY_PAGE).toBe(`node_modules/cognito-idp-contract/${FIDELITY_FILE}`)
  })

  it('points to a page the package ships', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; files: string[] }
    expect(FIDELITY_PAGE).toContain(`/${pkg.name}/`)
    expect(pkg.files).toContain(FIDELITY_FILE)
  })
})
