import { describe, expect, it } from 'vitest'
import { sourceComments } from '../../../src/tooling/codegen/fidelity/comments.js'
import { differencesOf, markersOf, sentences } from '../../../src/tooling/codegen/fidelity/markers.js'

/** Source lines joined as a file's text. */
const src = (...lines: string[]) => `${lines.join('\n')}\n`

describe('markersOf', () => {
  it('takes a line comment that starts with "Chosen:" as a chosen behaviour, at its line', () => {
    const [m] = markersOf('a.ts', src('const a = 1', '// Chosen: an unknown client is invalid_request.', 'fail()'))
    expect(m).toMatchObject({
      file: 'a.ts',
      line: 2,
      kinds: ['chosen'],
      text: 'Chosen: an unknown client is invalid_request.',
    })
  })

  it('takes a JSDoc comment that holds "seen" as a seen behaviour, its stars dropped and its lines joined', () => {
    const text = src(
      '/**',
      ' * The group of a pool, or ResourceNotFoundException',
      ' * "Group not found." (seen from Cognito).',
      ' */',
    )
    const [m] = markersOf('a.ts', text)
    expect(m).toMatchObject({ line: 3, kinds: ['seen'] })
    expect(m!.text).toBe('The group of a pool, or ResourceNotFoundException "Group not found." (seen from Cognito).')
  })

  it('matches the words whole and in any case', () => {
    expect(markersOf('a.ts', src('// SEEN from Cognito.'))).toHaveLength(1)
    expect(markersOf('a.ts', src('// An unforeseen case, unseen so far.'))).toEqual([])
  })

  it('ignores the words in code and in strings', () => {
    const text = src('const seen = new Set()', "throw invalidParameter(cx, 'The challenge chosen is not available.')")
    expect(markersOf('a.ts', text)).toEqual([])
  })

  it('does not take `//` in a string, a template or a regular expression for a comment', () => {
    const text = src(
      "const url = 'https://example.com // seen'",
      `const t = \`a \${"// chosen"} b // seen\``,
      "const r = /'\\/\\/ seen/",
    )
    expect(markersOf('a.ts', text)).toEqual([])
  })

  it('reads consecutive line comments as one comment, so a sentence may run over them', () => {
    const [m] = markersOf(
      'a.ts',
      src('// A linked identity rewrites the attributes', '// of its user (chosen).', 'x()'),
    )
    expect(m).toMatchObject({ line: 2, text: 'A linked identity rewrites the attributes of its user (chosen).' })
  })

  it('keeps only the sentences that hold the word', () => {
    const text = src(
      '/** Starts a sign-in. Seen from Cognito: unknown users are UserNotFoundException "User does not exist." */',
    )
    expect(markersOf('a.ts', text)[0]!.text).toBe(
      'Seen from Cognito: unknown users are UserNotFoundException "User does not exist."',
    )
  })

  it('takes the sentence before a short one, which says what it marks', () => {
    const [m] = markersOf(
      'a.ts',
      src('/** RevokeToken: refuses a token of another client. Wording chosen for the refusals. */'),
    )
    expect(m!.text).toBe('RevokeToken: refuses a token of another client. Wording chosen for the refusals.')
  })

  it('marks a behaviour with both words as seen and chosen', () => {
    const [m] = markersOf(
      'a.ts',
      src('// Seen from Cognito: "Invalid attributes given" (several joined with " and ", chosen).'),
    )
    expect(m!.kinds).toEqual(['seen', 'chosen'])
  })

  it('gives the code a line comment stands above, an `if` with its statement', () => {
    const [m] = markersOf(
      'a.ts',
      src('  // Chosen without a captured message.', '  if (!row)', "    throw fail(cx, 'X')", 'next()'),
    )
    expect(m!.context).toBe("if (!row) throw fail(cx, 'X')")
  })

  it('gives no code for a JSDoc comment above a function (the comment describes it)', () => {
    const [m] = markersOf(
      'a.ts',
      src('/** The user, or UserNotFoundException (seen from Cognito). */', 'export function findUser() {}'),
    )
    expect(m!.context).toBeUndefined()
  })

  it('shortens long code with an ellipsis', () => {
    const [m] = markersOf('a.ts', src('// Chosen.', `call(${'x'.repeat(200)})`))
    expect(m!.context).toHaveLength(100)
    expect(m!.context!.endsWith('…')).toBe(true)
  })
})

describe('sentences', () => {
  it('ends no sentence inside a quoted message or after "e.g."', () => {
    expect(sentences('Seen: "Bad. Very bad." as e.g. Amplify shows. Then more.')).toEqual([
      'Seen: "Bad. Very bad." as e.g. Amplify shows.',
      'Then more.',
    ])
  })
})

describe('sourceComments', () => {
  it('keeps a trailing comment apart from the line comments below it', () => {
    const comments = sourceComments(src('f() // trailing', '// own line'))
    expect(comments.map((c) => c.text)).toEqual(['trailing', 'own line'])
  })
})

describe('differencesOf', () => {
  it('collects comments that say "unlike" Cognito', () => {
    const [d] = differencesOf(
      'a.ts',
      src('// Codes are six digits. Unlike Cognito, the codes of a fixture never expire.'),
    )
    expect(d).toMatchObject({ line: 1, text: 'Unlike Cognito, the codes of a fixture never expire.' })
  })

  it('collects comments that say something is not simulated', () => {
    expect(differencesOf('a.ts', src('/** SAML providers go back to the app (not simulated yet). */'))).toHaveLength(1)
  })

  it('collects "Cognito does …; the simulation …" sentences', () => {
    const [d] = differencesOf('a.ts', src('// Cognito retries twice; the simulation calls it once (chosen).'))
    expect(d!.kinds).toEqual(['chosen'])
  })

  it('collects "Cognito does …; we …" sentences', () => {
    expect(
      differencesOf('a.ts', src('// Cognito sends the code by SMS; we record it in messages() instead.')),
    ).toHaveLength(1)
  })

  it('leaves other comments', () => {
    expect(differencesOf('a.ts', src('// Seen from Cognito: "User does not exist."'))).toEqual([])
  })
})
