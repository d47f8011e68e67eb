import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { requestArbitrary, responseArbitrary } from 'cognito-idp-contract/arbitraries'
import { validate } from 'cognito-idp-contract/validate'
import fc from 'fast-check'
import { Compile } from 'typebox/compile'
import { operations } from '../schemas/operations.js'
import { schemaKeywords } from '../src/core/shared/keywords.js'
import { ROOT } from '../test/support/model.js'
import { LARGEST_RESPONSES } from './arbitraries.js'
import { compare, perSecond } from './measure.js'

const ajv = new Ajv2020({ allErrors: false, strict: true })
ajv.addVocabulary([...schemaKeywords])

/**
 * Validations per second of valid values (parsed from JSON) of the five largest shapes (responses and requests), ours beside Ajv
 * compiled from our JSON Schema and TypeBox's `Compile` of our schemas, and of an invalid request (ours only: the
 * anchors do not make Cognito's messages). `BENCH_OP=<Operation>` measures that one shape only.
 */
export async function validationRate(ms = 300): Promise<void> {
  for (const side of ['response', 'request'] as const) {
    for (const op of LARGEST_RESPONSES.filter((o) => !process.env.BENCH_OP || o === process.env.BENCH_OP)) {
      const schema = side === 'request' ? operations[op].input : operations[op].output
      const arbitrary = side === 'request' ? requestArbitrary(op) : responseArbitrary(op, { presence: 'full' })
      // As values reach validate in use: parsed from JSON (drawn values hold fast-check-built objects and ropes).
      const values = JSON.parse(JSON.stringify(fc.sample(arbitrary, { seed: 3, numRuns: 32 }))) as unknown[]
      const doc = JSON.parse(readFileSync(join(ROOT, `generated/json-schema/${op}.${side}.json`), 'utf8')) as object
      const ajvCheck = ajv.compile(doc)
      const typebox = Compile(schema)
      let i = 0
      const next = () => values[i++ % values.length]
      await compare(`Validation: ${op} ${side}, valid`, 'values/s', [
        { name: 'ours (validate)', run: () => perSecond(() => validate(op, side, next()), ms), anchor: 'Ajv' },
        { name: 'Ajv', run: () => perSecond(() => ajvCheck(next()), ms) },
        { name: 'TypeBox Compile', run: () => perSecond(() => typebox.Check(next()), ms) },
      ])
    }
  }
  const bad = { UserPoolId: ' x', Username: '' }
  await compare('Validation: AdminGetUser request with 3 errors', 'values/s', [
    { name: "ours, with Cognito's message", run: () => perSecond(() => validate('AdminGetUser', 'request', bad), ms) },
  ])
}
