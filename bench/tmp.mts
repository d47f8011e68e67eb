import fc from 'fast-check'
import * as shapes from '/work/main/schemas/shapes.ts'
import { operations } from '/work/main/schemas/operations.ts'
import { arbitrary, requestArbitrary, responseArbitrary } from '/work/main/src/arbitraries/index.ts'
import { validateSchema } from '/work/main/src/validate/index.ts'
let t = performance.now(); let bad = 0; let n = 0
for (const [name, schema] of Object.entries(shapes)) {
  const values = fc.sample(arbitrary(schema as any), { seed: 7, numRuns: 100 })
  for (const v of values) { n++; const r = validateSchema(schema as any, v); if (!r.valid) { bad++; if (bad < 10) console.log(name, (r as any).message.slice(0, 300)) } }
}
console.log('shapes', n, 'bad', bad, performance.now() - t)
t = performance.now()
for (const [name, op] of Object.entries(operations)) for (const [side, arb, schema] of [['request', requestArbitrary(op as any), op.input], ['response', responseArbitrary(op as any), op.output]] as const) {
  for (const v of fc.sample(arb as any, { seed: 7, numRuns: 100 })) { n++; const r = validateSchema(schema as any, v); if (!r.valid) { bad++; if (bad < 20) console.log(name, side, (r as any).message.slice(0, 300)) } }
}
console.log('ops', n, 'bad', bad, performance.now() - t)
