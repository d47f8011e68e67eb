import type {
  AttributeType,
  CreateGroupRequest,
  CreateIdentityProviderRequest,
  CreateUserPoolClientRequest,
  CreateUserPoolRequest,
  SetUserPoolMfaConfigRequest,
  UserPoolType,
  UserStatusType,
} from '../../../generated/types.js'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { CognitoError } from '../protocol/errors.js'
import { validateOperation } from '../validate/validate-schema.js'
import type { Can, Context, OperationContext } from './context.js'
import { runDefinition } from './define.js'
import { regionOfPoolId } from './locate.js'
import { CreateIdentityProvider } from './operations/CreateIdentityProvider.js'
import { SetUserPoolMfaConfig } from './operations/SetUserPoolMfaConfig.js'
import { createClient } from './resources/clients.js'
import { newIdentity } from './resources/identities.js'
import type { MfaType } from './resources/mfa.js'
import { applyPreferences } from './resources/mfa-preferences.js'
import { passwordKey } from './resources/password-keys.js'
import { checkPassword, PASSWORD_PREFIX, temporaryExpiry } from './resources/passwords.js'
import { keepStandInAccount, type StandInAccount } from './resources/social-accounts.js'
import { checkAttributes } from './resources/user-attributes.js'
import { createPool, describePool, type PoolRow } from './resources/user-pools.js'
import { changed, claimAliases, type UserRow } from './resources/users.js'
import { passkeySettings } from './resources/webauthn-config.js'
import { friendlyName, PASSKEYS_PER_USER } from './resources/webauthn-credentials.js'
import { coseOfJwk } from './resources/webauthn-verify.js'

/** A user to seed: confirmed with its password unless a status says otherwise. */
export interface UserFixture {
  /** The pool, when the fixtures name more than one; by default the only pool of the fixtures (or of the simulation). */
  readonly userPoolId?: string | undefined
  readonly username: string
  /** A permanent password (a temporary one with status FORCE_CHANGE_PASSWORD). */
  readonly password?: string | undefined
  /** Attributes as a record (`{ email: 'jane@example.com' }`) or as AttributeType entries. */
  readonly attributes?: Readonly<Record<string, string>> | readonly AttributeType[] | undefined
  /** Groups it belongs to; groups the pool lacks are created. */
  readonly groups?: readonly string[] | undefined
  /** CONFIRMED by default with a password, FORCE_CHANGE_PASSWORD without one. */
  readonly status?: Exclude<UserStatusType, 'EXTERNAL_PROVIDER' | 'ARCHIVED' | 'COMPROMISED' | 'UNKNOWN'> | undefined
  readonly enabled?: boolean | undefined
  /**
   * MFA the user has set up: an authenticator's base32 secret (a test computes its codes, e.g. with otpauth), SMS or
   * email codes turned on, and the preferred method.
   */
  readonly mfa?:
    | {
        readonly totpSecret?: string | undefined
        readonly sms?: boolean | undefined
        readonly email?: boolean | undefined
        readonly preferred?: MfaType | undefined
      }
    | undefined
  /** Passkeys the user has registered (the test keeps the private keys: `createPasskey()` makes both halves). */
  readonly passkeys?: readonly PasskeyFixture[] | undefined
}

/** A passkey a fixture user already has; `createPasskey()` from `cognito-idp-contract/testing` makes one. */
export interface PasskeyFixture {
  /** The credential id, base64url. */
  readonly credentialId: string
  /** The public key: an EC P-256 (ES256) or RSA (RS256) JSON Web Key. */
  readonly publicKey: JsonWebKey
  /** The relying party id it was registered for; by default the pool's (its WebAuthnConfiguration, else domain). */
  readonly relyingPartyId?: string | undefined
  /** The signature counter its authenticator last reported (0 by default: an authenticator that counts nothing). */
  readonly counter?: number | undefined
  readonly attachment?: 'platform' | 'cross-platform' | undefined
}

/** A user pool to seed: a CreateUserPool request, optionally with a fixed id, and what it holds. */
export interface PoolFixture extends CreateUserPoolRequest {
  /** The pool's id; its prefix is the region it is created in. */
  readonly Id?: string | undefined
  readonly IdentityProviders?: ReadonlyArray<Omit<CreateIdentityProviderRequest, 'UserPoolId'>> | undefined
  /** App clients; `ClientId` fixes an id (a frontend's configuration names it). */
  readonly Clients?:
    | ReadonlyArray<Omit<CreateUserPoolClientRequest, 'UserPoolId'> & { readonly ClientId?: string | undefined }>
    | undefined
  readonly Groups?: ReadonlyArray<Omit<CreateGroupRequest, 'UserPoolId'>> | undefined
  readonly Users?: ReadonlyArray<Omit<UserFixture, 'userPoolId'>> | undefined
  /** The pool's MFA methods, as SetUserPoolMfaConfig sets them (before the users are created). */
  readonly MfaConfig?: Omit<SetUserPoolMfaConfigRequest, 'UserPoolId'> | undefined
  /** Accounts the hosted UI's stand-in page offers for the pool's social providers (Google, Facebook…). */
  readonly StandInAccounts?: readonly StandInAccount[] | undefined
}

/** What `seed` takes: pools with what they hold, and users for pools seeded here or before. */
export interface Fixtures {
  readonly userPools?: readonly PoolFixture[] | undefined
  readonly users?: readonly UserFixture[] | undefined
}

/** What seeding needs from the simulation. */
export interface SeedEnvironment {
  /** The context of a partition of the default account. */
  context(region: string): Context
  readonly defaultRegion: string
}

/** Validates a request like the protocol does, so a fixture with a typo fails where it is written. */
function checked<K extends OperationName>(operation: K, input: unknown): void {
  const result = validateOperation(operations[operation], 'request', input)
  if (!result.valid) throw new CognitoError(result.exception, `fixture: ${result.message}`)
}

function attributeEntries(attributes: UserFixture['attributes']): AttributeType[] {
  if (!attributes) return []
  if (Array.isArray(attributes)) return [...(attributes as readonly AttributeType[])]
  return Object.entries(attributes as Readonly<Record<string, string>>).map(([Name, Value]) => ({ Name, Value }))
}

/** A fixture's MFA settings, through SetUserMFAPreference's rules (a secret must be base32 of 16 or more characters). */
function seededMfa(cx: Can<'InvalidParameterException'>, user: UserRow, mfa: NonNullable<UserFixture['mfa']>) {
  const secret = mfa.totpSecret
  if (secret !== undefined && !/^[A-Z2-7]{16,}=*$/i.test(secret))
    throw new TypeError(`fixture: user ${user.username} has a totpSecret that is not base32 of 16 or more characters`)
  const withSecret: UserRow =
    secret === undefined
      ? user
      : { ...user, mfa: { sms: false, email: false, totp: false, totpSecret: secret.toUpperCase() } }
  const setting = (on: boolean | undefined, type: MfaType) =>
    on === undefined && mfa.preferred !== type
      ? undefined
      : { Enabled: on ?? true, PreferredMfa: mfa.preferred === type }
  const sms = setting(mfa.sms, 'SMS_MFA')
  const totp = setting(secret === undefined ? undefined : true, 'SOFTWARE_TOKEN_MFA')
  const email = setting(mfa.email, 'EMAIL_OTP')
  return applyPreferences(cx, withSecret, {
    ...(sms && { SMSMfaSettings: sms }),
    ...(totp && { SoftwareTokenMfaSettings: totp }),
    ...(email && { EmailMfaSettings: email }),
  })
}

/**
 * Creates a user through the same rules as SignUp and AdminCreateUser (schema, uniqueness, password policy).
 * Chosen for convenience: a confirmed fixture's email and phone number count as verified unless it says otherwise.
 */
function seedUser(cx: Context, pool: PoolRow, fixture: UserFixture, keys: CoseKeys): void {
  const status = fixture.status ?? (fixture.password ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD')
  const ctx = cx as OperationContext<'AdminCreateUser'>
  const given = checkAttributes(ctx, pool, attributeEntries(fixture.attributes), 'admin')
  const sub = cx.ids.uuid()
  const identity = newIdentity(
    ctx,
    pool,
    fixture.username,
    given,
    sub,
    `fixture: user ${fixture.username} already exists`,
  )
  if (fixture.password) checkPassword(ctx, pool, fixture.password, `fixture: ${PASSWORD_PREFIX.change}`)
  const attributes: Array<[string, string]> = [['sub', sub], ...identity.attributes]
  if (status === 'CONFIRMED') {
    for (const name of ['email', 'phone_number']) {
      if (attributes.some(([n]) => n === name) && !attributes.some(([n]) => n === `${name}_verified`))
        attributes.push([`${name}_verified`, 'true'])
    }
  }
  const now = cx.now()
  const draft: UserRow = {
    poolId: pool.pool.Id,
    username: identity.username,
    key: identity.key,
    sub,
    attributes,
    status,
    enabled: fixture.enabled ?? true,
    ...(fixture.password !== undefined && {
      passwordKey: passwordKey({ poolId: pool.pool.Id, username: identity.username, sub }, fixture.password),
    }),
    history: [],
    ...(status === 'FORCE_CHANGE_PASSWORD' && { temporaryExpires: temporaryExpiry(cx, pool) }),
    aliases: [],
    codes: {},
    pending: [],
    attempts: {},
    created: now,
    modified: now,
  }
  let user = cx.tables.users.insert(claimAliases(ctx, pool, changed(cx, pool, draft, {}), false))
  if (fixture.mfa) user = cx.tables.users.put({ ...user, mfa: seededMfa(ctx, user, fixture.mfa) })
  for (const passkey of fixture.passkeys ?? []) seedPasskey(cx, pool, user, passkey, keys.get(passkey)!)
  for (const group of fixture.groups ?? []) {
    if (!cx.tables.groups.has(`${pool.pool.Id}/${group}`)) {
      checked('CreateGroup', { UserPoolId: pool.pool.Id, GroupName: group })
      cx.tables.groups.insert({ poolId: pool.pool.Id, name: group, created: now, modified: now })
    }
    cx.tables.memberships.insert({ poolId: pool.pool.Id, group, user: user.key })
  }
}

/** Each fixture passkey's public key as the COSE key it is stored as. */
type CoseKeys = ReadonlyMap<PasskeyFixture, string>

/** The COSE keys of every passkey the fixtures hold (made before the transaction's synchronous seeding). */
async function coseKeys(fixtures: Fixtures): Promise<CoseKeys> {
  const users = [...(fixtures.userPools ?? []).flatMap((p) => p.Users ?? []), ...(fixtures.users ?? [])]
  const keys = new Map<PasskeyFixture, string>()
  for (const user of users)
    for (const passkey of user.passkeys ?? []) {
      try {
        keys.set(passkey, await coseOfJwk(passkey.publicKey))
      } catch (error) {
        throw new TypeError(`fixture: user ${user.username} has a passkey whose ${(error as Error).message}`)
      }
    }
  return keys
}

/** Stores a fixture's passkey as a registration would have (same limit, relying party and name). */
function seedPasskey(cx: Context, pool: PoolRow, user: UserRow, passkey: PasskeyFixture, publicKey: string): void {
  const where = `fixture: user ${user.username} has a passkey`
  const rpId = passkey.relyingPartyId ?? passkeySettings(cx, pool).rpId
  if (rpId === undefined)
    throw new TypeError(`${where} but names no relyingPartyId, and the pool has no WebAuthnConfiguration or domain`)
  if (!/^[\w-]{16,1024}$/.test(passkey.credentialId))
    throw new TypeError(`${where} whose credentialId is not base64url of 16 to 1024 characters`)
  if (cx.tables.webauthnCredentials.has(`${pool.pool.Id}/${passkey.credentialId}`))
    throw new TypeError(`${where} whose credentialId another passkey of the pool already has`)
  if (cx.tables.webauthnCredentials.count(`${pool.pool.Id}/${user.key}`) >= PASSKEYS_PER_USER)
    throw new TypeError(`${where} more than the ${PASSKEYS_PER_USER} a user may register`)
  cx.tables.webauthnCredentials.insert({
    poolId: pool.pool.Id,
    user: user.key,
    id: passkey.credentialId,
    publicKey,
    counter: passkey.counter ?? 0,
    transports: ['internal'],
    ...(passkey.attachment !== undefined && { attachment: passkey.attachment }),
    rpId,
    name: friendlyName(passkey.attachment),
    created: cx.now(),
  })
}

/** Creates everything the fixtures describe, in order; the caller runs it in one transaction (all or nothing). */
export async function seedFixtures(env: SeedEnvironment, fixtures: Fixtures): Promise<UserPoolType[]> {
  const keys = await coseKeys(fixtures)
  const seeded: PoolRow[] = []
  for (const fixture of fixtures.userPools ?? []) {
    const { Id, IdentityProviders, Clients, Groups, Users, MfaConfig, StandInAccounts, ...request } = fixture
    checked('CreateUserPool', request)
    if (Id !== undefined) checked('DescribeUserPool', { UserPoolId: Id })
    const cx = env.context(regionOfPoolId(Id) ?? env.defaultRegion) as OperationContext<'CreateUserPool'>
    const pool = createPool(cx, request, Id)
    const poolId = pool.pool.Id
    if (MfaConfig) {
      const input = { ...MfaConfig, UserPoolId: poolId }
      checked('SetUserPoolMfaConfig', input)
      await runDefinition(SetUserPoolMfaConfig, cx as OperationContext<'SetUserPoolMfaConfig'>, input)
    }
    for (const provider of IdentityProviders ?? []) {
      const input = { ...provider, UserPoolId: poolId }
      checked('CreateIdentityProvider', input)
      await runDefinition(CreateIdentityProvider, cx as OperationContext<'CreateIdentityProvider'>, input)
    }
    for (const { ClientId, ...client } of Clients ?? []) {
      checked('CreateUserPoolClient', { ...client, UserPoolId: poolId })
      createClient(cx as OperationContext<'CreateUserPoolClient'>, { ...client, UserPoolId: poolId }, ClientId)
    }
    for (const group of Groups ?? []) {
      checked('CreateGroup', { ...group, UserPoolId: poolId })
      const now = cx.now()
      cx.tables.groups.insert({
        poolId,
        name: group.GroupName,
        ...(group.Description !== undefined && { description: group.Description }),
        ...(group.RoleArn !== undefined && { roleArn: group.RoleArn }),
        ...(group.Precedence !== undefined && { precedence: group.Precedence }),
        created: now,
        modified: now,
      })
    }
    for (const user of Users ?? []) seedUser(cx, pool, user, keys)
    for (const account of StandInAccounts ?? []) keepStandInAccount(cx, poolId, account)
    seeded.push(pool)
  }
  for (const user of fixtures.users ?? []) {
    const poolId = user.userPoolId ?? (seeded.length === 1 ? seeded[0]!.pool.Id : undefined)
    if (poolId === undefined)
      throw new TypeError(
        `fixture: user ${user.username} names no userPoolId, and the fixtures do not seed exactly one pool`,
      )
    const cx = env.context(regionOfPoolId(poolId) ?? env.defaultRegion)
    const pool = cx.tables.pools.get(poolId)
    if (!pool) throw new TypeError(`fixture: user ${user.username} names user pool ${poolId}, which does not exist`)
    seedUser(cx, pool, user, keys)
  }
  return seeded.map((pool) => describePool(env.context(pool.pool.Arn!.split(':')[3]!), pool))
}
