import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { Compile } from 'typebox/compile'
import { describe, expect, it } from 'vitest'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { schemaKeywords } from '../../../src/core/shared/keywords.js'
import { asNode, members } from '../../../src/core/shared/walk.js'
import { validateSchema } from '../../../src/core/validate/validate-schema.js'
import { EXAMPLES_PATH, HAS_EXAMPLES, ROOT } from '../../support/model.js'

const ajv = new Ajv2020({ allErrors: false, strict: true })
ajv.addVocabulary([...schemaKeywords])

/** The three verdicts on one value: Ajv on the generated JSON Schema, TypeBox's compiled check, and ours. */
const checkers = new Map<string, { ajv: (v: unknown) => boolean; typebox: (v: unknown) => boolean }>()
function verdicts(op: OperationName, side: 'request' | 'response', value: unknown) {
  const schema = side === 'request' ? operations[op].input : operations[op].output
  let c = checkers.get(`${op}.${side}`)
  if (!c) {
    const doc = JSON.parse(readFileSync(join(ROOT, `generated/json-schema/${op}.${side}.json`), 'utf8')) as object
    const typebox = Compile(schema)
    c = { ajv: ajv.compile(doc) as (v: unknown) => boolean, typebox: (v) => typebox.Check(v) }
    checkers.set(`${op}.${side}`, c)
  }
  return { ajv: c.ajv(value), typebox: c.typebox(value), ours: validateSchema(schema, value).valid }
}

/** JSON values without null (our validator reads null as an absent member, JSON Schema does not). */
const jsonish = fc
  .anything({
    maxDepth: 3,
    withNullPrototype: false,
    withBigInt: false,
    withDate: false,
    withMap: false,
    withSet: false,
    withTypedArray: false,
    withSparseArray: false,
    withBoxedValues: false,
    withObjectString: false,
  })
  .filter((v) => !JSON.stringify(v ?? null).includes('null') && v !== undefined)

const names = Object.keys(operations) as OperationName[]

describe('Ajv, TypeBox and our validator agree', () => {
  it.skipIf(!HAS_EXAMPLES)('on the published examples (needs the examples.json beside the model)', () => {
    const examples = JSON.parse(readFileSync(EXAMPLES_PATH, 'utf8')) as Record<
      string,
      Array<{ input: unknown; output: unknown }>
    >
    for (const [op, list] of Object.entries(examples)) {
      for (const { input, output } of list) {
        const a = verdicts(op as OperationName, 'request', input)
        expect(a.ours, `${op} example request is valid`).toBe(true)
        expect(a, `${op} request`).toEqual({ ajv: a.ours, typebox: a.ours, ours: a.ours })
        const b = verdicts(op as OperationName, 'response', output)
        expect(b, `${op} response`).toEqual({ ajv: b.ours, typebox: b.ours, ours: b.ours })
      }
    }
  })

  it('on values shaped like each request, members drawn at random', () => {
    const memberValue = fc.oneof(jsonish, fc.string(), fc.stringMatching(/^[a-z]{2}-[a-z]+-\d_[A-Za-z0-9]{9}$/))
    const shaped = fc.oneof(
      ...names.map((op) => {
        const keys = members(asNode(operations[op].input)).map(([k]) => k)
        return fc.tuple(
          fc.constant(op),
          fc.dictionary(fc.constantFrom(...keys, 'Unknown'), memberValue, { maxKeys: 4 }),
        )
      }),
    )
    fc.assert(
      fc.property(shaped, ([op, value]) => {
        const v = verdicts(op, 'request', value)
        expect(v).toEqual({ ajv: v.ours, typebox: v.ours, ours: v.ours })
      }),
      { numRuns: 1500 },
    )
  })
})
