import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as ours from '../../../schemas/shapes.js'
import { ROOT } from '../../support/model.js'

/** Every own property of a value, hidden and symbol-keyed ones included, with how it is defined, all the way down. */
function described(value: unknown, seen = new Map<object, string>(), path = ''): unknown {
  if (value === null || typeof value !== 'object') return value
  const earlier = seen.get(value)
  if (earlier !== undefined) return { '(same object as)': earlier }
  seen.set(value, path)
  const out: Record<string, unknown> = { '(array)': Array.isArray(value), '(keys)': Reflect.ownKeys(value).map(String) }
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key)!
    out[String(key)] = {
      enumerable: d.enumerable,
      writable: d.writable,
      configurable: d.configurable,
      value: described(d.value, seen, `${path}.${String(key)}`),
    }
  }
  return out
}

const staging = join(ROOT, '.tmp', `type-test-${process.pid}`)
afterAll(() => rmSync(staging, { recursive: true, force: true }))

describe("the schemas' own builders", () => {
  it('build every shape exactly as typebox/type builds it (hidden kinds, optional marks, key order)', async () => {
    const source = readFileSync(join(ROOT, 'schemas/shapes.ts'), 'utf8')
    const withTypeBox = source.replace("from '../src/core/type/builders.js'", "from 'typebox/type'")
    expect(withTypeBox).not.toBe(source)
    mkdirSync(staging, { recursive: true })
    const file = join(staging, 'shapes.ts')
    writeFileSync(file, withTypeBox)
    const theirs = (await import(pathToFileURL(file).href)) as Record<string, unknown>
    const names = Object.keys(ours)
    expect(names.length).toBeGreaterThan(600)
    expect(Object.keys(theirs)).toEqual(names)
    for (const name of names)
      expect(described((ours as Record<string, unknown>)[name]), name).toEqual(described(theirs[name]))
  })
})
