import { describe, expect, it } from 'vitest'
import { attribute } from '../../../src/tooling/codegen/fidelity/attribute.js'
import { reachable, valueImports } from '../../../src/tooling/codegen/fidelity/graph.js'

const S = 'src/core/simulation'

/** A small simulation: each file's source by path. */
function input(files: Record<string, string>, operations: string[]) {
  return { operations, modelOperations: 3, sources: new Map(Object.entries(files)) }
}

describe('valueImports', () => {
  it('leaves out type-only imports', () => {
    const source = [
      "import type { A } from './a.js'",
      "import { type B, type C } from './b.js'",
      "import { type D, e } from './d.js'",
      "import * as f from './f.js'",
      "export { g } from './g.js'",
    ].join('\n')
    expect(valueImports(source)).toEqual(['./d.js', './f.js', './g.js'])
  })

  it('reads an import whose names span several lines', () => {
    expect(valueImports("import {\n  a,\n  b,\n} from './ab.js'\n")).toEqual(['./ab.js'])
  })
})

describe('reachable', () => {
  it('follows imports transitively, within the folder it is given', () => {
    const files: Record<string, string> = {
      'x/a.ts': "import { b } from './b.js'",
      'x/b.ts': "import { c } from './c.js'\nimport { d } from '../y/d.js'",
      'x/c.ts': '',
      'y/d.ts': '',
    }
    const reach = reachable(
      ['x/a.ts'],
      (f) => f.startsWith('x/'),
      (f) => files[f],
    )
    expect([...reach.get('x/a.ts')!].sort()).toEqual(['x/a.ts', 'x/b.ts', 'x/c.ts'])
  })
})

describe('attribute', () => {
  it("gives an operation its file's markers and those of a file only it uses", () => {
    const f = attribute(
      input(
        {
          [`${S}/operations/A.ts`]: "import { x } from '../resources/x.js'\n// Chosen: A refuses this.\nfail()",
          [`${S}/operations/B.ts`]: '',
          [`${S}/resources/x.ts`]: '// Seen from Cognito: x is refused.\nfail()',
        },
        ['A', 'B'],
      ),
    )
    const a = f.operations.find((o) => o.name === 'A')!
    expect(a.own.map((o) => o.file)).toEqual([`${S}/operations/A.ts`, `${S}/resources/x.ts`])
    expect(f.shared).toEqual([])
  })

  it('shows a file several operations use once, in the shared section, naming its users', () => {
    const f = attribute(
      input(
        {
          [`${S}/operations/A.ts`]: "import { x } from '../resources/x.js'",
          [`${S}/operations/B.ts`]: "import { y } from '../resources/y.js'",
          [`${S}/resources/y.ts`]: "import { x } from './x.js'",
          [`${S}/resources/x.ts`]: '// Seen from Cognito: x is refused.\nfail()',
        },
        ['A', 'B'],
      ),
    )
    expect(f.shared.map((s) => [s.file, s.users])).toEqual([[`${S}/resources/x.ts`, ['A', 'B']]])
    expect(f.operations.map((o) => o.shared)).toEqual([[`${S}/resources/x.ts`], [`${S}/resources/x.ts`]])
    expect(f.operations.flatMap((o) => o.own)).toEqual([])
  })

  it('puts the hosted UI files, and files only they use, in the hosted section', () => {
    const f = attribute(
      input(
        {
          [`${S}/operations/A.ts`]: '',
          [`${S}/hosted/login.ts`]: "import { z } from '../resources/z.js'\n// Chosen: the page.\npage()",
          [`${S}/resources/z.ts`]: '// Chosen: z.\nz()',
        },
        ['A'],
      ),
    )
    expect(f.hosted.map((h) => h.file)).toEqual([`${S}/hosted/login.ts`, `${S}/resources/z.ts`])
  })

  it('puts simulation files nothing reaches in the simulation-wide section, protocol files in theirs', () => {
    const f = attribute(
      input(
        {
          [`${S}/operations/A.ts`]: '',
          [`${S}/locate.ts`]: '// Chosen: the default region.\nregion()',
          'src/core/protocol/handle.ts': '// Seen from Cognito: 404.\nrespond()',
          'src/core/contract/types.ts': '/** The enum values seen, sorted. */\nconst a = 1',
        },
        ['A'],
      ),
    )
    expect(f.simulationWide.map((h) => h.file)).toEqual([`${S}/locate.ts`])
    expect(f.protocol.map((h) => h.file)).toEqual(['src/core/protocol/handle.ts'])
  })
})
