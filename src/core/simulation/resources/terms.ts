import type {
  LinksType,
  TermsDescriptionType,
  TermsEnforcementType,
  TermsSourceType,
  TermsType,
} from '../../../../generated/types.js'
import { table } from '../engine/table.js'
import type { Store } from '../schema.js'

/** The two kinds of terms document (the model's TermsNameType). */
export type TermsName = 'terms-of-use' | 'privacy-policy'

/** One terms document of an app client: its links by language. */
export interface TermsRow {
  /** TermsId: a version 4 UUID (the model's TermsIdType). */
  readonly id: string
  readonly poolId: string
  readonly clientId: string
  readonly name: TermsName
  readonly source: TermsSourceType
  readonly enforcement: TermsEnforcementType
  /** Language id (`cognito:default`, `cognito:french`, …) → URL. */
  readonly links: LinksType
  /** Epoch seconds with milliseconds. */
  readonly created: number
  readonly modified: number
}

/** Terms documents by TermsId; they go with their pool, and a client's with the client. */
export const termsTable = table<TermsRow>({
  key: (row) => row.id,
  parent: [
    { table: 'pools', key: (row) => row.poolId },
    { table: 'clients', key: (row) => row.clientId },
  ],
  // Seen from Cognito: "Terms document names must be unique to the app client." (the model's TermsExistsException).
  indexes: { byClientName: (row) => clientNameKey(row.clientId, row.name) },
})

/** The key of the byClientName index: one document of each name per client. */
export function clientNameKey(clientId: string, name: string): string {
  return `${clientId}/${name}`
}

/** A terms document as Create, Describe, DescribeByClient and Update return it. */
export function describeTerms(row: TermsRow): TermsType {
  return {
    TermsId: row.id,
    UserPoolId: row.poolId,
    ClientId: row.clientId,
    TermsName: row.name,
    TermsSource: row.source,
    Enforcement: row.enforcement,
    Links: { ...row.links },
    CreationDate: row.created,
    LastModifiedDate: row.modified,
  }
}

/** A terms document as ListTerms lists it: without its client and links (the model's TermsDescriptionType). */
export function summarizeTerms(row: TermsRow): TermsDescriptionType {
  return {
    TermsId: row.id,
    TermsName: row.name,
    Enforcement: row.enforcement,
    CreationDate: row.created,
    LastModifiedDate: row.modified,
  }
}

/** The language names of the model's LanguageIdType (`cognito:<name>`), besides `default`. */
const LANGUAGES = [
  'english',
  'french',
  'spanish',
  'german',
  'dutch',
  'italian',
  'japanese',
  'korean',
  'portuguese-brazil',
  'bahasa-indonesia',
  'chinese-simplified',
  'chinese-traditional',
] as const

/**
 * Locale codes (as in managed login's `lang` parameter) for each language. Chosen without evidence (the model names
 * the languages, not the codes the pages take): the usual BCP 47 tag of each, matched case-insensitively, a region
 * dropped where the language has one document (`fr-CA` is French).
 */
const CODES: Readonly<Record<string, (typeof LANGUAGES)[number]>> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  de: 'german',
  nl: 'dutch',
  it: 'italian',
  ja: 'japanese',
  ko: 'korean',
  pt: 'portuguese-brazil',
  'pt-br': 'portuguese-brazil',
  id: 'bahasa-indonesia',
  zh: 'chinese-simplified',
  'zh-cn': 'chinese-simplified',
  'zh-hans': 'chinese-simplified',
  'zh-sg': 'chinese-simplified',
  'zh-tw': 'chinese-traditional',
  'zh-hant': 'chinese-traditional',
  'zh-hk': 'chinese-traditional',
}

/**
 * The Links key of a user's language: a language id as the model spells it (`cognito:french`), its name (`french`)
 * or a locale code (`fr`, `pt-BR`, `zh-TW`); undefined when it names none of the model's languages.
 */
export function languageId(language: string | undefined): string | undefined {
  if (language === undefined) return undefined
  const lower = language.trim().toLowerCase().replaceAll('_', '-')
  const name = lower.startsWith('cognito:') ? lower.slice('cognito:'.length) : lower
  if ((LANGUAGES as readonly string[]).includes(name)) return `cognito:${name}`
  const code = CODES[name] ?? CODES[name.split('-')[0]!]
  return code === undefined ? undefined : `cognito:${code}`
}

/** A document's link for a language: the language's own, else `cognito:default` (the model's CreateTerms). */
function linkFor(row: TermsRow, language: string | undefined): string | undefined {
  const id = languageId(language)
  return (id !== undefined ? row.links[id] : undefined) ?? row.links['cognito:default']
}

/** The terms links the hosted pages show for a client: both documents in the user's language, else `cognito:default`; none unless both terms-of-use and privacy-policy exist. */
export function termsLinksForClient(
  store: Store,
  userPoolId: string,
  clientId: string,
  language?: string | undefined,
): ReadonlyArray<{ readonly name: 'terms-of-use' | 'privacy-policy'; readonly url: string }> {
  for (const partition of store.occupied()) {
    const terms = partition.tables.terms
    const client = partition.tables.clients.get(clientId)
    if (client?.client.UserPoolId !== userPoolId) continue
    const links: { readonly name: TermsName; readonly url: string }[] = []
    for (const name of ['terms-of-use', 'privacy-policy'] as const) {
      const row = terms.find('byClientName', clientNameKey(clientId, name))
      const url = row !== undefined && row.poolId === userPoolId ? linkFor(row, language) : undefined
      if (url !== undefined) links.push({ name, url })
    }
    // Seen from Cognito: "You must provide both types of terms documents in at least one language before Amazon
    // Cognito displays your terms documents." (the model's CreateTerms). Chosen without evidence: a user's language
    // that only one document has falls back to `cognito:default` for the other, and with no link for one of them in
    // either, none are shown.
    if (links.length === 2) return links
  }
  return []
}
