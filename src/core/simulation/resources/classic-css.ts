/**
 * The classes the classic hosted UI lets a pool style. Seen: DG23 cognito-user-pools-app-ui-customization (the list
 * from background-customizable to textDescription-customizable) and the AWS CLI's set-ui-customization and
 * get-ui-customization examples, whose accepted CSS (the console's template) also styles idpDescription-,
 * socialButton-, redirect- and the two passwordCheck- classes.
 */
export const CLASSIC_CLASSES: ReadonlySet<string> = new Set([
  'background-customizable',
  'banner-customizable',
  'errorMessage-customizable',
  'idpButton-customizable',
  'idpButton-customizable:hover',
  'idpDescription-customizable',
  'inputField-customizable',
  'inputField-customizable:focus',
  'label-customizable',
  'legalText-customizable',
  'logo-customizable',
  'passwordCheck-notValid-customizable',
  'passwordCheck-valid-customizable',
  'redirect-customizable',
  'socialButton-customizable',
  'submitButton-customizable',
  'submitButton-customizable:hover',
  'textDescription-customizable',
])

/** One rule of a classic stylesheet: its selectors and its declarations. */
export interface CssRule {
  readonly selectors: readonly string[]
  readonly declarations: ReadonlyArray<readonly [string, string]>
}

/** A stylesheet read, or why it is refused. */
export type CssResult = { readonly rules: readonly CssRule[] } | { readonly refused: string }

/**
 * Reads a classic stylesheet and refuses what Cognito refuses. Seen (DG23 cognito-user-pools-app-ui-customization):
 * only the listed classes; values "cannot contain HTML, @import, @supports, @page, or @media statements or
 * Javascript". Chosen without evidence: the messages; every at-rule is refused (the allowed form is plain rules for
 * the listed classes), and so are backslash escapes (they could spell what is refused), `expression(` and
 * `javascript:`/`vbscript:` URLs. What is refused includes every `<`: the sheet can never close the style element
 * it is placed in.
 */
export function readClassicCss(css: string): CssResult {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ')
  if (text.includes('/*')) return { refused: 'The CSS has an unterminated comment.' }
  if (/[<>]/.test(text)) return { refused: 'The CSS cannot contain HTML.' }
  const at = /@[\w-]*/.exec(text)
  if (at) return { refused: `The CSS cannot contain ${at[0]} statements.` }
  if (text.includes('\\')) return { refused: 'The CSS cannot contain escape sequences.' }
  if (/javascript\s*:|vbscript\s*:|expression\s*\(|-moz-binding|behavior\s*:/i.test(text))
    return { refused: 'The CSS cannot contain JavaScript.' }
  const rules: CssRule[] = []
  const rule = /([^{}]*)\{([^{}]*)\}/g
  let end = 0
  for (let m = rule.exec(text); m !== null; m = rule.exec(text)) {
    if (text.slice(end, m.index).trim() !== '') return { refused: 'The CSS is not well formed.' }
    end = m.index + m[0].length
    const selectors = m[1]!.split(',').map((s) => s.trim())
    for (const selector of selectors) {
      const name = /^\.([\w-]+(?::[a-z-]+)?)$/.exec(selector)?.[1]
      if (name === undefined || !CLASSIC_CLASSES.has(name))
        return { refused: `The CSS class ${selector || '(none)'} is not one that can be customized.` }
    }
    const declarations: Array<readonly [string, string]> = []
    for (const part of m[2]!.split(';')) {
      if (part.trim() === '') continue
      const colon = part.indexOf(':')
      const property = part.slice(0, colon).trim()
      const value = part.slice(colon + 1).trim()
      if (colon < 0 || !/^-?[a-zA-Z][\w-]*$/.test(property) || value === '')
        return { refused: `The CSS declaration "${part.trim()}" is not well formed.` }
      declarations.push([property.toLowerCase(), value])
    }
    rules.push({ selectors, declarations })
  }
  if (text.slice(end).trim() !== '') return { refused: 'The CSS is not well formed.' }
  return { rules }
}

/** Rules written back as a stylesheet (only what was read: selectors and declarations), for a page's style element. */
export function writeCss(rules: readonly CssRule[]): string {
  return rules
    .map((r) => `${r.selectors.join(',')}{${r.declarations.map(([p, v]) => `${p}:${v}`).join(';')}}`)
    .join('\n')
    .replace(/</g, '\\3c ')
}
