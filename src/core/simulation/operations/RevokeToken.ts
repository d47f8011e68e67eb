import { decodeJwt } from '../../shared/jwt.js'
import { fail } from '../context.js'
import { operation } from '../define.js'
import { activeSecrets, secretMatches } from '../resources/client-secrets.js'
import { revokeFamily } from '../resources/refresh-tokens.js'

/**
 * RevokeToken: a refresh token and the access tokens issued with it stop working (AWS's documentation). A token the
 * pool did not issue is accepted and nothing happens (as RFC 7009 asks). Wording chosen for the refusals.
 */
export const RevokeToken = operation('RevokeToken', (cx, input) => {
  const client = cx.tables.clients.get(input.ClientId)
  if (!client) throw fail(cx, 'UnauthorizedException', `User pool client ${input.ClientId} does not exist.`)
  // Either active secret, while two are (see secretMatches).
  if (activeSecrets(cx, client).length > 0 && !secretMatches(cx, client, input.ClientSecret))
    throw fail(cx, 'UnauthorizedException', 'Invalid client secret.')
  if (client.client.EnableTokenRevocation === false)
    throw fail(cx, 'UnsupportedOperationException', 'Token revocation is not enabled for this app client.')
  if (decodeJwt(input.Token)) throw fail(cx, 'UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.')
  const row = cx.tables.refreshTokens.get(input.Token)
  if (!row) return {}
  if (row.clientId !== input.ClientId)
    throw fail(cx, 'UnauthorizedException', 'The token was not issued to this client.')
  const user = cx.tables.users.get(`${row.poolId}/${row.user}`)
  if (user) revokeFamily(cx, user, row.originJti)
  return {}
})
