import type { RecordedCall } from '../../../core/mock/calls.js'
import { decodeJwt } from '../../../core/shared/jwt.js'

/** How many users' last sign-ins are kept (chosen: the oldest is forgotten past it, so memory stays flat). */
const KEPT_USERS = 10_000
/** The operations whose answers carry tokens. */
const SIGN_INS = new Set(['InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge', 'AdminRespondToAuthChallenge'])

/**
 * When each user last signed in, as this server saw it: the `auth_time` of the access tokens its API calls issued
 * (chosen: Cognito lists no last sign-in; auth events need threat protection, so the console learns it from tokens).
 */
export class SignIns {
  private readonly times = new Map<string, number>()

  /** Learns from a call's answer, when it carries an access token. */
  see(call: RecordedCall): void {
    if (call.error || !SIGN_INS.has(call.operation ?? '')) return
    const result = (call.output as { AuthenticationResult?: { AccessToken?: unknown } } | undefined)
      ?.AuthenticationResult
    if (typeof result?.AccessToken !== 'string') return
    const payload = decodeJwt(result.AccessToken)?.payload
    const iss = payload?.['iss']
    const username = payload?.['username']
    const when = payload?.['auth_time']
    if (typeof iss !== 'string' || typeof username !== 'string' || typeof when !== 'number') return
    const key = `${iss.slice(iss.lastIndexOf('/') + 1)}/${username}`
    this.times.delete(key)
    this.times.set(key, when)
    if (this.times.size > KEPT_USERS) this.times.delete(this.times.keys().next().value!)
  }

  /** The epoch second a user of a pool last signed in, if this server saw it. */
  of(poolId: string, username: string): number | undefined {
    return this.times.get(`${poolId}/${username}`)
  }

  /** Forgets every sign-in (a reset). */
  clear(): void {
    this.times.clear()
  }
}
