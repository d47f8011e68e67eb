import { describe, expect, it } from 'vitest'
import { anchor, escapeText, inlineCode } from '../../../src/tooling/codegen/fidelity/render.js'

describe('render', () => {
  it("escapes what Markdown would read as HTML, emphasis or links, but not code spans' content", () => {
    expect(escapeText('"User pool client <id>" [a-z]* and `<id> *x*`')).toBe(
      '"User pool client &lt;id>" \\[a-z\\]\\* and `<id> *x*`',
    )
  })

  it('keeps underscores inside words (SECRET_HASH) and escapes those that could start emphasis', () => {
    expect(escapeText('SECRET_HASH and _x_ and __type')).toBe('SECRET_HASH and \\_x\\_ and \\_\\_type')
  })

  it('fences code that holds backticks with more of them', () => {
    expect(inlineCode('a `b` c')).toBe('``a `b` c``')
    expect(inlineCode('`x`')).toBe('`` `x` ``')
  })

  it('makes anchors as GitHub does', () => {
    expect(anchor('resources/auth/refresh-tokens.ts')).toBe('resourcesauthrefresh-tokensts')
    expect(anchor('Protocol, validation, mock and server')).toBe('protocol-validation-mock-and-server')
  })
})
