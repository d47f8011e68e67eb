// samlify (XML signatures and encryption through xml-crypto and xml-encryption, XSD validation through xmllint) for
// SAML 2.0 federation. Node only: it is loaded by a name bundlers do not follow, so MSW's browser bundle never holds
// it; in a browser, SAML sign-in fails with the message below instead.
import type * as Samlify from 'samlify'

const LIBRARY = 'samlify'
const VALIDATOR = '@authenio/samlify-node-xmllint'

/** samlify's module. */
export type SamlLibrary = typeof Samlify

let loading: Promise<SamlLibrary> | undefined

/**
 * Runs `run` with the process's standard output silenced: the XSD validator (xmllint compiled to WebAssembly) prints
 * a blank line for every document it validates, which would land in the output of the app or test using the
 * simulation. It prints synchronously, inside the call, so nothing else's output is lost.
 */
function quietly<T>(run: () => T): T {
  const stdout = (globalThis as { process?: { stdout?: { write: (...args: unknown[]) => boolean } } }).process?.stdout
  if (!stdout) return run()
  const write = stdout.write
  stdout.write = () => true
  try {
    return run()
  } finally {
    stdout.write = write
  }
}

/** samlify, loaded once, with its XSD validator set (samlify refuses to parse without one). */
export function samlLibrary(): Promise<SamlLibrary> {
  loading ??= (async () => {
    try {
      const library = (await import(/* @vite-ignore */ LIBRARY)) as SamlLibrary
      const validator = (await import(/* @vite-ignore */ VALIDATOR)) as { validate: (xml: string) => Promise<unknown> }
      library.setSchemaValidator({ validate: (xml) => quietly(() => validator.validate(xml)) })
      return library
    } catch (error) {
      loading = undefined
      throw new Error(`SAML federation needs Node and the samlify package (${(error as Error).message})`)
    }
  })()
  return loading
}
