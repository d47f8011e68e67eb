import { fail } from '../context.js'
import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { checkTotp, settingsOf } from '../resources/mfa.js'
import { newSessionId } from '../resources/sessions.js'

/** Seen from Cognito for a wrong code: EnableSoftwareTokenMFAException "Code mismatch and fail enable Software Token MFA". */
const MISMATCH = 'Code mismatch and fail enable Software Token MFA'

/**
 * VerifySoftwareToken: a code (RFC 6238, one step of drift) from the associated secret confirms it. For the signed-in
 * user the token becomes its software token, verified but not turned on: SetUserMFAPreference turns it on (seen: the
 * API reference, "Marks the user's software token MFA status as \"verified\"", and a captured sequence where
 * UserMFASettingList stays empty until SetUserMFAPreference, https://github.com/aws-amplify/amplify-js/issues/1226).
 * In MFA_SETUP the session may then finish.
 */
export const VerifySoftwareToken = operation('VerifySoftwareToken', async (cx, input) => {
  if (input.AccessToken !== undefined) {
    const { user } = await signedIn(cx, input.AccessToken)
    const s = settingsOf(user)
    // Seen from Cognito (Medium confidence) when nothing was associated.
    if (!s.totpPending)
      throw fail(cx, 'SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.')
    const result = checkTotp(s.totpPending, input.UserCode, cx.now(), undefined)
    if (!result.ok) throw fail(cx, 'EnableSoftwareTokenMFAException', MISMATCH)
    cx.tables.users.put({
      ...user,
      mfa: {
        ...s,
        totpSecret: s.totpPending,
        totpPending: undefined,
        totpName: input.FriendlyDeviceName,
        totpLastStep: result.step,
      },
    })
    return { Status: 'SUCCESS' as const }
  }
  const session = input.Session === undefined ? undefined : cx.tables.sessions.get(input.Session)
  if (session?.challenge !== 'MFA_SETUP') throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user.')
  if (cx.now() > session.expires)
    throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user, session is expired.')
  if (!session.totp)
    throw fail(cx, 'SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.')
  const result = checkTotp(session.totp.secret, input.UserCode, cx.now(), undefined)
  if (!result.ok) throw fail(cx, 'EnableSoftwareTokenMFAException', MISMATCH)
  cx.tables.sessions.delete(session.id)
  const next = cx.tables.sessions.insert({
    ...session,
    id: newSessionId(cx),
    totp: { ...session.totp, verified: true },
  })
  if (session.user) {
    const user = cx.tables.users.get(`${session.poolId}/${session.user}`)
    if (user)
      cx.tables.users.put({
        ...user,
        mfa: { ...settingsOf(user), totpLastStep: result.step, totpName: input.FriendlyDeviceName },
      })
  }
  return { Status: 'SUCCESS' as const, Session: next.id }
})
