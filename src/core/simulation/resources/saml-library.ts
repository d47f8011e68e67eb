// samlify (XML signatures and encryption through xml-crypto and xml-encryption, XSD validation through xmllint) for
// SAML 2.0 federation. Node only: it is loaded by a name bundlers do not follow, so MSW's browser bundle never holds
// it; in a browser, SAML sign-in fails with the message below instead.
import type * as Samlify from 'samlify'

const LIBRARY = 'samlify'
const VALIDATOR = '@authenio/samlify-node-xmllint'

/** samlify's module. */
export type SamlLibrary = typeof Samlify

let loading: Promise<SamlLibrary> | undefined

/** samlify, loaded once, with its XSD validator set (samlify refuses to parse without one). */
export function samlLibrary(): Promise<SamlLibrary> {
  loading ??= (async () => {
    try {
      const library = (await import(/* @vite-ignore */ LIBRARY)) as SamlLibrary
      const validator = (await import(/* @vite-ignore */ VALIDATOR)) as { validate: (xml: string) => Promise<unknown> }
      library.setSchemaValidator({ validate: validator.validate })
      return library
    } catch (error) {
      loading = undefined
      throw new Error(`SAML federation needs Node and the samlify package (${(error as Error).message})`)
    }
  })()
  return loading
}
