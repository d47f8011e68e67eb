import { describe, expect, it } from 'vitest'
import { base64url, decodeJwt, generateKeyPair, keyId, signJwt, verifyJwt } from '../../../src/core/shared/jwt.js'

describe('JWT', async () => {
  const keys = await generateKeyPair()
  const kid = keyId(keys.publicJwk)

  it('signs RS256 tokens that verify with the public key', async () => {
    const token = await signJwt({ kid, alg: 'RS256' }, { sub: 'x', n: 1 }, keys.privateJwk)
    const decoded = decodeJwt(token)!
    expect(decoded.header).toEqual({ kid, alg: 'RS256' })
    expect(decoded.payload).toEqual({ sub: 'x', n: 1 })
    expect(await verifyJwt(decoded, keys.publicJwk)).toBe(true)
  })

  it('refuses a token whose payload was changed', async () => {
    const [header, , signature] = (await signJwt({ kid, alg: 'RS256' }, { sub: 'x' }, keys.privateJwk)).split('.')
    const forged = decodeJwt(`${header}.${base64url(JSON.stringify({ sub: 'y' }))}.${signature}`)!
    expect(await verifyJwt(forged, keys.publicJwk)).toBe(false)
  })

  it('refuses another key', async () => {
    const other = await generateKeyPair()
    expect(
      await verifyJwt(decodeJwt(await signJwt({ kid, alg: 'RS256' }, {}, keys.privateJwk))!, other.publicJwk),
    ).toBe(false)
  })

  it('decodes only three base64url parts of JSON objects', () => {
    for (const text of ['', 'a.b', 'a.b.c', `${base64url('[]')}.${base64url('{}')}.x`, 'x'.repeat(10)])
      expect(decodeJwt(text)).toBeUndefined()
  })

  it('names keys with 44-character base64 ids', () => {
    expect(kid).toMatch(/^[A-Za-z0-9+/]{43}=$/)
  })
})
