import type {
  LinksType,
  TermsDescriptionType,
  TermsEnforcementType,
  TermsSourceType,
  TermsType,
} from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import type { Tables } from '../schema.js'
import type { ClientRow } from './clients.js'
import { findPool } from './user-pools.js'

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
  // Seen in the model (TermsExistsException's text): terms document names "must be unique to the app client".
  indexes: { byClientName: (row) => clientNameKey(row.clientId, row.name) },
})

/** The key of the byClientName index: one document of each name per client. */
export function clientNameKey(clientId: string, name: string): string {
  return `${clientId}/${name}`
}

/** A pool's terms document by its TermsId, or ResourceNotFoundException. */
export function findTerms(cx: Can<'ResourceNotFoundException'>, poolId: string, termsId: string): TermsRow {
  findPool(cx, poolId)
  const row = cx.tables.terms.get(termsId)
  // Chosen without evidence: the message (ResourceNotFoundException is the model's error for an unknown TermsId).
  if (row?.poolId !== poolId) throw fail(cx, 'ResourceNotFoundException', `Terms ${termsId} does not exist.`)
  return row
}

/** A client's terms document of a name, or ResourceNotFoundException. */
export function findTermsByName(cx: Can<'ResourceNotFoundException'>, client: ClientRow, name: string): TermsRow {
  const id = client.client.ClientId
  const row = cx.tables.terms.find('byClientName', clientNameKey(id, name))
  // Chosen without evidence: the message (ResourceNotFoundException is the model's error for DescribeTermsByClient).
  if (!row) throw fail(cx, 'ResourceNotFoundException', `Terms ${name} do not exist for user pool client ${id}.`)
  return row
}

/** TermsExistsException unless the client's document of this name is free (or is `self`). */
function checkNameFree(cx: Can<'TermsExistsException'>, clientId: string, name: string, self?: string): void {
  const taken = cx.tables.terms.find('byClientName', clientNameKey(clientId, name))
  // Seen from Cognito: TermsExistsException when "you attempt to create terms documents with a duplicate TermsName"
  // (the model). Chosen without evidence: the message.
  if (taken !== undefined && taken.id !== self)
    throw fail(cx, 'TermsExistsException', `Terms ${name} already exist for user pool client ${clientId}.`)
}

/**
 * Checks a Links map past what the model's patterns say. Chosen without evidence: each URL must be an absolute
 * `https:` or `http:` URL (the pattern admits `javascript:…`, which the hosted pages would put in a link).
 */
function checkLinks(cx: Can<'InvalidParameterException'>, links: LinksType): void {
  for (const [language, url] of Object.entries(links)) {
    let protocol: string | undefined
    try {
      protocol = new URL(url).protocol
    } catch {
      protocol = undefined
    }
    if (protocol !== 'https:' && protocol !== 'http:')
      throw invalidParameter(cx, `The link for ${language} must be an http or https URL.`)
  }
}

/** The fields CreateTerms and UpdateTerms set. */
export interface TermsFields {
  readonly name: string
  readonly source: TermsSourceType
  readonly enforcement: TermsEnforcementType
  readonly links?: LinksType | undefined
}

/** A new terms document for a client; its id a version 4 UUID from the simulation's secrets (a CSPRNG unless reproducible). */
export function createTerms(
  cx: Can<'InvalidParameterException' | 'TermsExistsException'>,
  client: ClientRow,
  fields: TermsFields,
): TermsRow {
  const clientId = client.client.ClientId
  checkNameFree(cx, clientId, fields.name)
  // Chosen without evidence: Links left out is refused (the model's TermsType always has Links, at least one; a
  // document without a link could not be shown or returned).
  if (fields.links === undefined) throw invalidParameter(cx, 'Links must have at least one entry.')
  checkLinks(cx, fields.links)
  const now = cx.now()
  // Seen in the model: TermsId is a version 4 UUID (TermsIdType's pattern).
  let id = cx.secrets.uuid()
  while (cx.tables.terms.has(id)) id = cx.secrets.uuid()
  return cx.tables.terms.insert({
    id,
    poolId: client.client.UserPoolId,
    clientId,
    name: fields.name as TermsName,
    source: fields.source,
    enforcement: fields.enforcement,
    links: { ...fields.links },
    created: now,
    modified: now,
  })
}

/** Changes a terms document: each field given replaces the stored one (Links as a whole map). */
export function updateTerms(
  cx: Can<'InvalidParameterException' | 'TermsExistsException'>,
  row: TermsRow,
  fields: Partial<TermsFields>,
): TermsRow {
  if (fields.name !== undefined) checkNameFree(cx, row.clientId, fields.name, row.id)
  if (fields.links !== undefined) checkLinks(cx, fields.links)
  return cx.tables.terms.put({
    ...row,
    ...(fields.name !== undefined && { name: fields.name as TermsName }),
    ...(fields.source !== undefined && { source: fields.source }),
    ...(fields.enforcement !== undefined && { enforcement: fields.enforcement }),
    // Chosen without evidence: Links replaces the whole map (the model calls it "A map of URLs to languages" in
    // UpdateTerms as in CreateTerms, and says nothing of merging).
    ...(fields.links !== undefined && { links: { ...fields.links } }),
    modified: cx.now(),
  })
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

/** The terms links the hosted pages show for a client (of the partition whose tables are given): both documents in the user's language, else `cognito:default`; none unless both terms-of-use and privacy-policy exist. */
export function termsLinksForClient(
  tables: Pick<Tables, 'terms' | 'clients'>,
  userPoolId: string,
  clientId: string,
  language?: string | undefined,
): ReadonlyArray<{ readonly name: TermsName; readonly url: string }> {
  if (tables.clients.get(clientId)?.client.UserPoolId !== userPoolId) return []
  const links: { readonly name: TermsName; readonly url: string }[] = []
  for (const name of ['terms-of-use', 'privacy-policy'] as const) {
    const row = tables.terms.find('byClientName', clientNameKey(clientId, name))
    const url = row !== undefined ? linkFor(row, language) : undefined
    if (url !== undefined) links.push({ name, url })
  }
  // Seen from Cognito: "You must provide both types of terms documents in at least one language before Amazon
  // Cognito displays your terms documents." (the model's CreateTerms). Chosen without evidence: a user's language
  // that only one document has falls back to `cognito:default` for the other, and with no link for one of them in
  // either, none are shown.
  return links.length === 2 ? links : []
}
