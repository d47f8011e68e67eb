import type { ReplicaRow } from './replicas.js'

/**
 * The end-user operations: the ones the model marks `authtype: none` (no IAM), and GetClientToken (the model: no IAM
 * either). Seen in the model (UserPoolReplicaType.Status): an INACTIVE replica "is not accepting requests for
 * end-users"; AdminInitiateAuth and AdminRespondToAuthChallenge sign end users in and count with them (chosen).
 */
export const END_USER: ReadonlySet<string> = new Set([
  'AdminInitiateAuth',
  'AdminRespondToAuthChallenge',
  'AssociateSoftwareToken',
  'ChangePassword',
  'CompleteWebAuthnRegistration',
  'ConfirmDevice',
  'ConfirmForgotPassword',
  'ConfirmSignUp',
  'DeleteUser',
  'DeleteUserAttributes',
  'DeleteWebAuthnCredential',
  'ForgetDevice',
  'ForgotPassword',
  'GetClientToken',
  'GetDevice',
  'GetTokensFromRefreshToken',
  'GetUser',
  'GetUserAttributeVerificationCode',
  'GetUserAuthFactors',
  'GlobalSignOut',
  'InitiateAuth',
  'ListDevices',
  'ListWebAuthnCredentials',
  'ResendConfirmationCode',
  'RespondToAuthChallenge',
  'RevokeToken',
  'SetUserMFAPreference',
  'SetUserSettings',
  'SignUp',
  'StartWebAuthnRegistration',
  'UpdateAuthEventFeedback',
  'UpdateDeviceStatus',
  'UpdateUserAttributes',
  'VerifySoftwareToken',
  'VerifyUserAttribute',
])

/**
 * What a secondary refuses whatever its status. Seen in AWS's developer guide (user-pool-multi-region, limitations):
 * no new users by sign-up or by an administrator; users can't reset their password or change their profile; no TOTP
 * MFA; and (the model's ReplicaRoleType) "only end-user operations that do not create or change attributes of a user
 * are supported". Chosen without evidence where the guide names no operation: confirming a sign-up and resending its
 * code (the sign-up's own steps), the MFA preference and passkey registration (a user's settings), deleting a user.
 */
const REFUSED_AT_SECONDARY: ReadonlySet<string> = new Set([
  'SignUp',
  'ConfirmSignUp',
  'ResendConfirmationCode',
  'AdminCreateUser',
  'AdminConfirmSignUp',
  'ForgotPassword',
  'ConfirmForgotPassword',
  'AdminResetUserPassword',
  'AdminSetUserPassword',
  'ChangePassword',
  'UpdateUserAttributes',
  'DeleteUserAttributes',
  'VerifyUserAttribute',
  'GetUserAttributeVerificationCode',
  'AdminUpdateUserAttributes',
  'AdminDeleteUserAttributes',
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
  'SetUserMFAPreference',
  'SetUserSettings',
  'AdminSetUserMFAPreference',
  'AdminSetUserSettings',
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'DeleteWebAuthnCredential',
  'DeleteUser',
  'AdminDeleteUser',
])

/** Administrator operations that only read (the names say so): served at a secondary. */
const READ = /^(?:Describe|Get|List|AdminGet|AdminList)/

/**
 * Why a call that reached a secondary Region is refused, or undefined when the secondary serves it.
 *
 * - The operations the guide lists as unavailable in a secondary (see REFUSED_AT_SECONDARY), in every status.
 * - End-user operations while the secondary is INACTIVE (the model's ReplicaStatusType).
 * - A sign-in answering a TOTP challenge: seen in the guide, "secondary replicas don't support TOTP MFA".
 * - Administrator operations that change anything but the replica itself. Seen in the model (ReplicaRoleType):
 *   "only administrator operations that set configurations specific to the replica". Chosen: the simulation keeps
 *   one configuration for every Region, so the per-Region settings Cognito lets a secondary change (email, SMS,
 *   triggers, tags, log export) are refused there too rather than changed for the primary; reads are served.
 *
 * Chosen without evidence: every refusal is OperationNotEnabledException (the model's text for it: "not supported in
 * secondary replica regions"), worded as below (the research found no message).
 */
export function secondaryRefusal(
  operation: string,
  replica: ReplicaRow,
  input: Readonly<Record<string, unknown>>,
): string | undefined {
  const where = `the secondary Region ${replica.region} of user pool ${replica.poolId}`
  if (REFUSED_AT_SECONDARY.has(operation)) return `${operation} is not supported in ${where}.`
  if (END_USER.has(operation)) {
    if (replica.status !== 'ACTIVE') return `${operation} is not available while ${where} is INACTIVE.`
    if (input['ChallengeName'] === 'SOFTWARE_TOKEN_MFA') return `TOTP MFA is not supported in ${where}.`
    return undefined
  }
  return READ.test(operation) ? undefined : `${operation} is not supported in ${where}.`
}
