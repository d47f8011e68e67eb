import { base64url } from '../../shared/jwt.js'
import { fail } from '../context.js'
import { operation } from '../define.js'
import { signedInOnly } from '../flows/sign-in/signed-in.js'
import { requirePasskeys } from '../resources/webauthn-config.js'
import { PASSKEYS_PER_USER, passkeysOf } from '../resources/webauthn-credentials.js'
import { beginRegistration } from '../resources/webauthn-registrations.js'
import { ALGORITHMS } from '../resources/webauthn-verify.js'

/**
 * StartWebAuthnRegistration: creation options for the signed-in user's next passkey, shaped as Cognito's (seen, the
 * CLI's start-web-authn-registration example): a resident key required, user verification as the pool sets it, ES256
 * and RS256, a 60-second timeout, `rp.name` equal to `rp.id`, `user.id` the base64url of the user's `sub` as text and
 * `user.name`/`user.displayName` the username, the user's passkeys in `excludeCredentials`.
 */
export const StartWebAuthnRegistration = operation('StartWebAuthnRegistration', async (cx, input) => {
  const { pool, user, claims } = await signedInOnly(cx, input.AccessToken)
  const settings = requirePasskeys(cx, pool)
  const existing = passkeysOf(cx, user)
  // Seen (Developer Guide): "Each user can register up to 20 passkeys." Chosen: refused here already, and the message.
  if (existing.length >= PASSKEYS_PER_USER)
    throw fail(cx, 'LimitExceededException', `A user can register at most ${PASSKEYS_PER_USER} passkeys.`)
  const challenge = beginRegistration(cx, user, claims.client_id, settings.rpId)
  return {
    CredentialCreationOptions: {
      authenticatorSelection: {
        requireResidentKey: true,
        residentKey: 'required',
        userVerification: settings.userVerification,
      },
      challenge,
      excludeCredentials: existing.map((c) => ({ id: c.id, type: 'public-key' })),
      pubKeyCredParams: ALGORITHMS.map((alg) => ({ alg, type: 'public-key' })),
      rp: { id: settings.rpId, name: settings.rpId },
      timeout: 60000,
      user: { displayName: user.username, id: base64url(user.sub), name: user.username },
    },
  }
})
