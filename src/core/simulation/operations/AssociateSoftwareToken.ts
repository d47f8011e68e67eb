import { base32 } from '../../shared/totp.js'
import { fail } from '../context.js'
import { operation } from '../define.js'
import { signedInOnly } from '../flows/sign-in/signed-in.js'
import { settingsOf } from '../resources/mfa.js'
import { newSessionId } from '../resources/sessions.js'

/**
 * AssociateSoftwareToken: a new TOTP secret (32 random bytes in base32, 52 characters, as Cognito's read) for the
 * signed-in user, or for a sign-in in MFA_SETUP (then with a new Session). Chosen: the session's id changes, the
 * secret waits for VerifySoftwareToken.
 */
export const AssociateSoftwareToken = operation('AssociateSoftwareToken', async (cx, input) => {
  const secret = base32(cx.secrets.bytes(32))
  if (input.AccessToken !== undefined) {
    const { user } = await signedInOnly(cx, input.AccessToken)
    cx.tables.users.put({ ...user, mfa: { ...settingsOf(user), totpPending: secret } })
    return { SecretCode: secret }
  }
  const session = input.Session === undefined ? undefined : cx.tables.sessions.get(input.Session)
  if (session?.challenge !== 'MFA_SETUP') throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user.')
  if (cx.now() > session.expires)
    throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user, session is expired.')
  cx.tables.sessions.delete(session.id)
  const next = cx.tables.sessions.insert({ ...session, id: newSessionId(cx), totp: { secret, verified: false } })
  return { SecretCode: secret, Session: next.id }
})
