import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fileLines } from '../../../src/adapters/server/data-lines.js'

const dir = mkdtempSync(join(tmpdir(), 'cognito-lines-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a data file read a line at a time', () => {
  it('gives every line with the byte just after it, across pieces and multi-byte characters, and a cut last line', () => {
    // Lines longer than a piece (a megabyte), characters of two and four bytes across piece boundaries.
    const lines = ['{"a":1}', 'é'.repeat(700_000), 'x'.repeat(1_048_000), `😀${'y'.repeat(1_100_000)}`, '', 'ü']
    const path = join(dir, 'mixed')
    writeFileSync(path, `${lines.join('\n')}\n{"cut":`)
    const read = [...fileLines(path)]
    expect(read.map((l) => l.text)).toEqual([...lines, '{"cut":'])
    expect(read.map((l) => l.complete)).toEqual([...lines.map(() => true), false])
    let end = 0
    for (const [i, line] of lines.entries()) {
      end += Buffer.byteLength(`${line}\n`)
      expect([i, read[i]!.end]).toEqual([i, end])
    }
    expect(read.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})
