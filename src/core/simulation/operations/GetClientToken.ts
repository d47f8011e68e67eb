import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { allowsClientCredentials, clientAccessToken, grantedScopes } from '../flows/client-credentials.js'
import { secretMatches } from '../resources/client-secrets.js'
import { type ClientRow, publicClient } from '../resources/clients.js'

/**
 * Whether a client may call GetClientToken. Seen in the model: it needs a secret and `ALLOW_CLIENT_TOKEN_AUTH` as its
 * only authentication flow. That value is missing from the model's ExplicitAuthFlowsType (its documentation names it,
 * its enum does not), so no client here can be given it; chosen without evidence: until the model has it, a client
 * allowed the client-credentials grant (the same functionality, as the model says) may call GetClientToken too.
 */
function allowsClientToken(client: ClientRow): boolean {
  const flows: readonly string[] = client.client.ExplicitAuthFlows ?? []
  if (flows.includes('ALLOW_CLIENT_TOKEN_AUTH')) return flows.length === 1 && client.client.ClientSecret !== undefined
  return allowsClientCredentials(client)
}

/**
 * GetClientToken: the client-credentials grant over the API, the token endpoint's access token (same claims and
 * signing). Seen from Cognito (a 2026 test against AWS, found by text search "Cognito M2M client-secret creation"): a
 * wrong secret is NotAuthorizedException "Invalid client or secret"; a secret added by AddUserPoolClientSecret works
 * at once. Chosen without evidence: an unknown client is ResourceNotFoundException as for the other public operations,
 * a public client is refused as a wrong secret is, the secret is checked before the flow, and the messages for the
 * flow and the scopes. ClientMetadata is accepted; no trigger runs (the token endpoint's grant runs none either).
 */
export const GetClientToken = operation('GetClientToken', async (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  if (!secretMatches(cx, client, input.Secret)) throw fail(cx, 'NotAuthorizedException', 'Invalid client or secret')
  if (!allowsClientToken(client)) throw invalidParameter(cx, 'CLIENT_TOKEN_AUTH flow not enabled for this client')
  const scopes = grantedScopes(cx, pool.pool.Id, client, input.Scopes ?? [])
  if (!scopes)
    throw invalidParameter(
      cx,
      input.Scopes?.length
        ? `Invalid scope requested: ${input.Scopes.join(' ')}`
        : `No custom scopes are allowed for client ${client.client.ClientId}.`,
    )
  const { accessToken, expiresIn } = await clientAccessToken(cx, pool.pool.Id, client, scopes)
  return { ClientAuthenticationResult: { AccessToken: accessToken, ExpiresIn: expiresIn, TokenType: 'Bearer' } }
})
