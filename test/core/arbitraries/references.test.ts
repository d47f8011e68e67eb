import fc from 'fast-check'
import { Type } from 'typebox'
import { Compile } from 'typebox/compile'
import { describe, expect, it } from 'vitest'
import { UserPoolIdType } from '../../../schemas/shapes.js'
import { arbitrary } from '../../../src/core/arbitraries/index.js'
import { validateSchema } from '../../../src/core/validate/validate-schema.js'

/** A consumer's recursive schema built from ours: an organisation tree, each unit with its own user pool. */
const Unit = Type.Cyclic(
  {
    Unit: Type.Object({
      name: Type.String({ minLength: 1, maxLength: 20 }),
      poolId: UserPoolIdType,
      children: Type.Array(Type.Ref('Unit'), { maxItems: 3 }),
      parent: Type.Optional(Type.Ref('Unit')),
    }),
  },
  'Unit',
)

const depth = (unit: { children: unknown[]; parent?: unknown }): number =>
  1 + Math.max(0, ...unit.children.map((c) => depth(c as never)), unit.parent ? depth(unit.parent as never) : 0)

describe('references and recursion', () => {
  it('draws valid values of a recursive schema, to a bounded depth', () => {
    const check = Compile(Unit)
    const values = fc.sample(arbitrary(Unit, { presence: 'full', listSize: { min: 1, max: 2 } }), {
      seed: 3,
      numRuns: 50,
    })
    for (const value of values) {
      expect(check.Check(value)).toBe(true)
      expect(validateSchema(Unit, value)).toEqual({ valid: true })
      expect(depth(value as never)).toBeLessThanOrEqual(5)
    }
    expect(Math.max(...values.map((v) => depth(v as never)))).toBeGreaterThanOrEqual(4)
  })

  it('validates through references, with Cognito paths down the tree', () => {
    const bad = { name: 'root', poolId: 'us-east-1_Root1', children: [{ name: 'team', poolId: 'no id', children: [] }] }
    const result = validateSchema(Unit, bad)
    expect(result.valid ? '' : result.message).toBe(
      "1 validation error detected: Value 'no id' at 'children.1.member.poolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    )
    expect(Compile(Unit).Check(bad)).toBe(false)
  })

  it('refuses a reference it cannot resolve, and a type with no finite value', () => {
    expect(() => arbitrary(Type.Object({ a: Type.Ref('Missing') }))).toThrow(/cannot resolve \$ref Missing/)
    const Endless = Type.Cyclic({ Loop: Type.Object({ next: Type.Ref('Loop') }) }, 'Loop')
    expect(() => arbitrary(Endless)).toThrow(/no finite value/)
  })
})
