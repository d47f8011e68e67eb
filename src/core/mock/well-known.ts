import type { WireRequest, WireResponse } from '../protocol/types.js'
import type { Cognito } from '../simulation/cognito.js'

const JWKS_PATH = /^https?:\/\/([^/]+)\/+([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/jwks\.json(?:\?.*)?$/
const REGIONAL = /^cognito-idp(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com$/

function json(status: number, body: unknown): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
    body: JSON.stringify(body),
  }
}

/**
 * The documents Cognito serves beside its API: a pool's JWKS at `/<poolId>/.well-known/jwks.json` (AWS's
 * documentation). The "issuer-cognito-idp" host answers 403 for pools that have not opted into it (seen in an
 * emulator's report of real responses); a pool that does not exist, 404 (chosen). Undefined for other requests.
 */
export async function wellKnown(request: WireRequest, simulation: Cognito): Promise<WireResponse | undefined> {
  if (request.method.toUpperCase() !== 'GET') return undefined
  const match = JWKS_PATH.exec(request.url)
  if (!match) return undefined
  const [, host, poolId] = match
  if (host!.startsWith('issuer-cognito-idp.')) return json(403, { message: 'Forbidden' })
  const region = REGIONAL.exec(host!)?.[1]
  const keys = await simulation.jwks(poolId!, region ? { region } : {})
  return keys ? json(200, keys) : json(404, { message: `User pool ${poolId} does not exist.` })
}
