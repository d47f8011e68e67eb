import { describe, expect, it } from 'vitest'
import { operations } from '../../../schemas/operations.js'
import { service } from '../../../schemas/service.js'
import * as shapes from '../../../schemas/shapes.js'
import { javaPatternToJs } from '../../../src/core/regex/to-js.js'
import { asNode, enumValues, mapValue, members, requiredMembers, shapeName } from '../../../src/core/shared/walk.js'
import { HAS_MODEL, model } from '../../support/model.js'

const byName = shapes as unknown as Record<string, object>

describe.skipIf(!HAS_MODEL)(
  'the schemas carry every constraint of the model (needs the model in ../shared/models)',
  () => {
    it('has a schema for every shape and every operation', () => {
      const m = model()
      expect(Object.keys(m.operations)).toHaveLength(service.operationCount)
      expect(Object.keys(operations)).toEqual(Object.keys(m.operations).sort())
      for (const name of Object.keys(m.shapes)) expect(byName[name], name).toBeDefined()
    })

    it('matches the model constraint by constraint', () => {
      let compared = 0
      for (const [name, shape] of Object.entries(model().shapes)) {
        const s = asNode(byName[name]!)
        expect(shapeName(s)).toBe(name)
        const expectEq = (actual: unknown, expected: unknown, what: string): void => {
          expect(actual, `${name}.${what}`).toEqual(expected)
          compared++
        }
        expectEq(s['x-aws-sensitive'] === true, shape.sensitive === true, 'sensitive')
        switch (shape.type) {
          case 'string':
            if (shape.enum) expectEq(enumValues(s), shape.enum, 'enum')
            else {
              expectEq(s['minLength'], shape.min, 'min')
              expectEq(s['maxLength'], shape.max, 'max')
              expectEq(s['x-aws-pattern'], shape.pattern, 'pattern')
              expectEq(
                s['pattern'],
                shape.pattern === undefined ? undefined : javaPatternToJs(shape.pattern),
                'js pattern',
              )
            }
            break
          case 'integer':
          case 'long':
            expectEq(s['type'], 'integer', 'type')
            expectEq(s['minimum'], shape.min, 'min')
            expectEq(s['maximum'], shape.max, 'max')
            break
          case 'list':
            expectEq(s['minItems'], shape.min, 'min')
            expectEq(s['maxItems'], shape.max, 'max')
            expectEq(shapeName(asNode(s['items'] as object)), shape.member!.shape, 'member')
            break
          case 'map':
            expectEq(s['minProperties'], shape.min, 'min')
            expectEq(s['maxProperties'], shape.max, 'max')
            expectEq(shapeName(asNode(s['propertyNames'] as object)), shape.key!.shape, 'key')
            expectEq(shapeName(mapValue(s)!), shape.value!.shape, 'value')
            break
          case 'blob':
            expectEq(
              s['x-aws-blob'],
              {
                ...(shape.min !== undefined && { minBytes: shape.min }),
                ...(shape.max !== undefined && { maxBytes: shape.max }),
              },
              'bytes',
            )
            break
          case 'timestamp':
            expectEq(s['x-aws-timestamp'], 'epoch-seconds', 'timestamp')
            break
          case 'structure':
            if (shape.document) expectEq(s['x-aws-document'], true, 'document')
            else {
              expectEq(
                members(s).map(([m, ms]) => [m, shapeName(ms)]),
                Object.entries(shape.members ?? {}).map(([m, r]) => [m, r.shape]),
                'members',
              )
              expectEq([...requiredMembers(s)].sort(), [...(shape.required ?? [])].sort(), 'required')
              expectEq(s['x-aws-error'] !== undefined, shape.exception === true, 'exception')
            }
        }
      }
      expect(compared).toBeGreaterThan(1500)
    })

    it('lists each operation with its target, schemas and modelled errors', () => {
      for (const [name, op] of Object.entries(model().operations)) {
        const entry = operations[name as keyof typeof operations]
        expect(entry.target).toBe(`AWSCognitoIdentityProviderService.${name}`)
        expect(shapeName(asNode(entry.input))).toBe(op.input!.shape)
        expect(shapeName(asNode(entry.output))).toBe(op.output?.shape ?? `${name}Response`)
        expect(entry.errors).toEqual((op.errors ?? []).map((e) => e.shape))
      }
    })
  },
)
