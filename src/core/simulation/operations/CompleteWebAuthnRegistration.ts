import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { signedInOnly } from '../flows/sign-in/signed-in.js'
import { originAllowed, passkeySettings, passkeysEnabled } from '../resources/webauthn-config.js'
import { friendlyName, PASSKEYS_PER_USER, passkeysOf } from '../resources/webauthn-credentials.js'
import { takeRegistration } from '../resources/webauthn-registrations.js'
import { attestedFor, clientDataOf, type RegistrationJSON, verifyRegistration } from '../resources/webauthn-verify.js'

/**
 * CompleteWebAuthnRegistration: checks the browser's RegistrationResponseJSON as a relying party does and keeps the
 * passkey; HTTP 200 with an empty body (seen, the API reference). Each refusal is the exception the model documents
 * for it: the challenge from Start expired (or was used) — WebAuthnChallengeNotFoundException; the token is another
 * client's than Start's — WebAuthnClientMismatchException; an origin the relying party id does not cover —
 * WebAuthnOriginNotAllowedException; attested for another relying party — WebAuthnRelyingPartyMismatchException;
 * from "an unsupported device or provider" (an algorithm other than ES256/RS256, an attestation that does not verify,
 * no user verification where the pool requires it) — WebAuthnCredentialNotSupportedException. A challenge is used
 * once, whether its registration succeeds or not (chosen). Chosen without evidence: every message, and the order of
 * the checks.
 */
export const CompleteWebAuthnRegistration = operation('CompleteWebAuthnRegistration', async (cx, input) => {
  const { pool, user, claims } = await signedInOnly(cx, input.AccessToken)
  if (!passkeysEnabled(pool))
    throw fail(cx, 'WebAuthnNotEnabledException', 'Passkey sign-in is not enabled for this user pool.')
  const credential = input.Credential as unknown
  const client = clientDataOf(credential, 'create')
  if (client?.type !== 'webauthn.create')
    throw invalidParameter(cx, 'Credential is not a valid RegistrationResponseJSON.')
  const registration = takeRegistration(cx, user, client.challenge)
  if (!registration)
    throw fail(
      cx,
      'WebAuthnChallengeNotFoundException',
      'The passkey registration challenge was not found or has expired.',
    )
  if (registration.clientId !== claims.client_id)
    throw fail(cx, 'WebAuthnClientMismatchException', 'The passkey registration was started by another app client.')
  const rpId = passkeySettings(cx, pool).rpId ?? registration.rpId
  if (!originAllowed(client.origin, rpId))
    throw fail(
      cx,
      'WebAuthnOriginNotAllowedException',
      `Origin ${client.origin} is not allowed for relying party ${rpId}.`,
    )
  const response = credential as RegistrationJSON
  const attested = await attestedFor(response, rpId)
  if (attested === false)
    throw fail(cx, 'WebAuthnRelyingPartyMismatchException', `The passkey was not created for relying party ${rpId}.`)
  if (passkeysOf(cx, user).length >= PASSKEYS_PER_USER)
    throw fail(cx, 'LimitExceededException', `A user can register at most ${PASSKEYS_PER_USER} passkeys.`)
  const verified =
    attested === undefined
      ? undefined
      : await verifyRegistration(response, {
          challenge: registration.challenge,
          origin: client.origin,
          rpId,
          requireUserVerification: passkeySettings(cx, pool).userVerification === 'required',
        })
  if (!verified || 'refused' in verified)
    throw fail(cx, 'WebAuthnCredentialNotSupportedException', 'The passkey credential is not supported.')
  if (cx.tables.webauthnCredentials.has(`${pool.pool.Id}/${verified.id}`))
    throw invalidParameter(cx, 'This passkey is already registered.')
  const attachment = typeof response.authenticatorAttachment === 'string' ? response.authenticatorAttachment : undefined
  cx.tables.webauthnCredentials.insert({
    poolId: pool.pool.Id,
    user: user.key,
    id: verified.id,
    publicKey: verified.publicKey,
    counter: verified.counter,
    transports: verified.transports,
    ...(attachment !== undefined && { attachment }),
    rpId,
    name: friendlyName(attachment),
    created: cx.now(),
  })
  return {}
})
