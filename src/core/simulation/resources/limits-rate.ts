import type { OperationName } from '../../../../schemas/operations.js'
import { CognitoError } from '../../protocol/errors.js'
import type { Context } from '../context.js'
import { CATEGORIES, type Category, provisioned } from './limits.js'

/**
 * Each operation's API category. Seen from Cognito (AWS's Developer Guide, "Quotas in Amazon Cognito", the category
 * table) for every operation in the first block; the second block is chosen without evidence (operations the table
 * leaves out, placed beside their nearest listed kin).
 */
const SEEN: Readonly<Record<Category, readonly OperationName[]>> = {
  UserAuthentication: [
    'InitiateAuth',
    'RespondToAuthChallenge',
    'AdminInitiateAuth',
    'AdminRespondToAuthChallenge',
    'GetTokensFromRefreshToken',
  ],
  UserCreation: ['SignUp', 'ConfirmSignUp', 'AdminCreateUser', 'AdminConfirmSignUp'],
  UserFederation: [],
  UserAccountRecovery: [
    'ChangePassword',
    'ConfirmForgotPassword',
    'ForgotPassword',
    'AdminResetUserPassword',
    'AdminSetUserPassword',
  ],
  UserRead: ['AdminGetUser', 'AdminGetUserAuthFactors', 'GetUser'],
  UserUpdate: [
    'AdminAddUserToGroup',
    'AdminDeleteUserAttributes',
    'AdminUpdateUserAttributes',
    'AdminDeleteUser',
    'AdminDisableUser',
    'AdminEnableUser',
    'AdminLinkProviderForUser',
    'AdminDisableProviderForUser',
    'VerifyUserAttribute',
    'DeleteUser',
    'DeleteUserAttributes',
    'UpdateUserAttributes',
    'AdminUserGlobalSignOut',
    'GlobalSignOut',
    'AdminRemoveUserFromGroup',
  ],
  UserToken: ['RevokeToken'],
  UserResourceRead: [
    'AdminGetDevice',
    'AdminListGroupsForUser',
    'AdminListDevices',
    'GetDevice',
    'ListDevices',
    'GetUserAttributeVerificationCode',
    'ResendConfirmationCode',
    'AdminListUserAuthEvents',
  ],
  UserResourceUpdate: [
    'AdminForgetDevice',
    'AdminUpdateAuthEventFeedback',
    'AdminSetUserMFAPreference',
    'AdminDeleteSoftwareToken',
    'AdminSetUserSettings',
    'AdminUpdateDeviceStatus',
    'UpdateDeviceStatus',
    'UpdateAuthEventFeedback',
    'ConfirmDevice',
    'SetUserMFAPreference',
    'SetUserSettings',
    'VerifySoftwareToken',
    'AssociateSoftwareToken',
    'ForgetDevice',
  ],
  UserList: ['ListUsers', 'ListUsersInGroup'],
  UserPoolRead: ['DescribeUserPool', 'ListUserPools'],
  UserPoolUpdate: ['CreateUserPool', 'UpdateUserPool', 'DeleteUserPool'],
  UserPoolResourceRead: [
    'DescribeIdentityProvider',
    'DescribeResourceServer',
    'DescribeUserImportJob',
    'DescribeUserPoolDomain',
    'GetCSVHeader',
    'GetGroup',
    'GetSigningCertificate',
    'GetIdentityProviderByIdentifier',
    'GetUserPoolMfaConfig',
    'ListGroups',
    'ListIdentityProviders',
    'ListResourceServers',
    'ListTagsForResource',
    'ListUserImportJobs',
    'DescribeRiskConfiguration',
    'GetUICustomization',
    'DescribeManagedLoginBranding',
    'DescribeManagedLoginBrandingByClient',
  ],
  UserPoolResourceUpdate: [
    'AddCustomAttributes',
    'CreateGroup',
    'CreateIdentityProvider',
    'CreateResourceServer',
    'CreateUserImportJob',
    'CreateUserPoolDomain',
    'DeleteGroup',
    'DeleteIdentityProvider',
    'DeleteResourceServer',
    'DeleteUserPoolDomain',
    'SetUserPoolMfaConfig',
    'StartUserImportJob',
    'StopUserImportJob',
    'UpdateGroup',
    'UpdateIdentityProvider',
    'UpdateResourceServer',
    'UpdateUserPoolDomain',
    'SetRiskConfiguration',
    'SetUICustomization',
    'TagResource',
    'UntagResource',
    'CreateManagedLoginBranding',
    'UpdateManagedLoginBranding',
    'DeleteManagedLoginBranding',
  ],
  UserPoolClientRead: ['DescribeUserPoolClient', 'ListUserPoolClients'],
  UserPoolClientUpdate: ['CreateUserPoolClient', 'DeleteUserPoolClient', 'UpdateUserPoolClient'],
  ClientAuthentication: ['GetClientToken'],
  LimitManagement: ['GetProvisionedLimit', 'UpdateProvisionedLimit'],
}

// Chosen without evidence: the operations the table leaves out.
const CHOSEN: Readonly<Partial<Record<Category, readonly OperationName[]>>> = {
  UserRead: ['GetUserAuthFactors'],
  UserResourceRead: ['ListWebAuthnCredentials'],
  UserResourceUpdate: ['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration', 'DeleteWebAuthnCredential'],
  UserPoolRead: ['ListUserPoolReplicas'],
  UserPoolUpdate: ['CreateUserPoolReplica', 'UpdateUserPoolReplica', 'DeleteUserPoolReplica'],
  UserPoolResourceRead: ['GetLogDeliveryConfiguration', 'DescribeTerms', 'DescribeTermsByClient', 'ListTerms'],
  UserPoolResourceUpdate: ['SetLogDeliveryConfiguration', 'CreateTerms', 'UpdateTerms', 'DeleteTerms'],
  UserPoolClientRead: ['ListUserPoolClientSecrets'],
  UserPoolClientUpdate: ['AddUserPoolClientSecret', 'DeleteUserPoolClientSecret'],
}

const CATEGORY_OF = new Map<string, Category>()
for (const table of [SEEN, CHOSEN])
  for (const [category, operations] of Object.entries(table))
    for (const op of operations) CATEGORY_OF.set(op, category as Category)

/** The category an operation counts toward, if it has one. */
export function operationCategory(operation: string): Category | undefined {
  return CATEGORY_OF.get(operation)
}

/** A sliding second: the times (epoch milliseconds) of the calls it admitted, oldest first. */
type Window = number[]

/** Chosen: past this many windows, the empty ones are dropped (pools come and go; their windows need not stay). */
const SWEEP_AT = 10_000

/**
 * Cognito's request-rate quotas, enforced when a simulation is asked to (`rateLimits`): a call past its category's
 * provisioned rate within the last second (by the simulation's clock) is refused with TooManyRequestsException. Seen
 * from Cognito: the message "Rate exceeded" (boto/boto3#2517 for AdminGetUser, aws-amplify/amplify-js#3554 for a
 * sign-in, aws-amplify/amplify-js#6767 with HTTP 400). Seen in AWS's Developer Guide: quotas hold per account and
 * region across all pools; operations of the starred categories also 5 RPS per pool each; RespondToAuthChallenge and
 * AdminRespondToAuthChallenge have their own allowance of three times UserAuthentication, the excess counting toward
 * UserAuthentication, and a NEW_PASSWORD_REQUIRED answer counts toward UserAccountRecovery. Chosen without evidence: a
 * refused call does not count; an admitted call that then fails does; the hosted pages and the token endpoint are
 * not limited; the per-user quotas (10 reads and 10 writes per user per second) are not enforced.
 */
export class RateLimiter {
  private windows = new Map<string, Window>()

  /** Forgets every call (a reset or restore of the simulation). */
  clear(): void {
    this.windows = new Map()
  }

  /** Admits a call, or throws TooManyRequestsException "Rate exceeded". */
  admit(cx: Context, operation: string, input: unknown): void {
    const category = operationCategory(operation)
    if (category === undefined) return
    const now = Math.round(cx.now() * 1000)
    const partition = `${cx.account}/${cx.region}`
    const fields = (input ?? {}) as Record<string, unknown>
    const buckets: Array<{ key: string; limit: number }> = []
    let counted: Category = category
    if (operation === 'RespondToAuthChallenge' || operation === 'AdminRespondToAuthChallenge') {
      if (fields['ChallengeName'] === 'NEW_PASSWORD_REQUIRED') counted = 'UserAccountRecovery'
      else {
        const challenges = { key: `${partition}/UserAuthentication/challenges`, limit: 3 * provisioned(cx, category) }
        if (this.room(challenges.key, challenges.limit, now)) {
          this.take([challenges], now)
          return
        }
      }
    }
    buckets.push({ key: `${partition}/${counted}`, limit: provisioned(cx, counted) })
    const perPool = (CATEGORIES[counted] as { perPool?: number }).perPool
    const poolId = fields['UserPoolId']
    if (perPool !== undefined && typeof poolId === 'string')
      buckets.push({ key: `${partition}/${operation}/${poolId}`, limit: perPool })
    if (!buckets.every((b) => this.room(b.key, b.limit, now)))
      throw new CognitoError('TooManyRequestsException', 'Rate exceeded')
    this.take(buckets, now)
  }

  /** Whether a window has room for one more call now. */
  private room(key: string, limit: number, now: number): boolean {
    const window = this.windows.get(key)
    if (!window) return limit > 0
    // Calls older than a second leave; so do calls "after" now, when a test's clock went back.
    if (window.length > 0 && (window[0]! <= now - 1000 || window[window.length - 1]! > now))
      this.windows.set(
        key,
        window.filter((t) => t > now - 1000 && t <= now),
      )
    return this.windows.get(key)!.length < limit
  }

  /** Records an admitted call in each window. */
  private take(buckets: ReadonlyArray<{ key: string }>, now: number): void {
    if (this.windows.size > SWEEP_AT) {
      for (const [key, window] of this.windows)
        if (window.length === 0 || window[window.length - 1]! <= now - 1000) this.windows.delete(key)
    }
    for (const { key } of buckets) {
      const window = this.windows.get(key)
      if (window) window.push(now)
      else this.windows.set(key, [now])
    }
  }
}
