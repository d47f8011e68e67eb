import { isCognitoError } from '../../protocol/errors.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import { newIdentity } from '../resources/identities.js'
import { passwordKey } from '../resources/password-keys.js'
import { checkAttributes } from '../resources/user-attributes.js'
import type { PoolRow } from '../resources/user-pools.js'
import { attribute, claimAliases, type UserRow } from '../resources/users.js'
import { invokeMigration, type MigrationCall } from '../triggers/migration.js'
import { deliver } from './messages.js'

/**
 * UserMigration: a user the pool does not know, looked up by the pool's function and created from what it returns
 * (AWS's documentation): for UserMigration_Authentication with the password the sign-in gave and the status of
 * `finalUserStatus` (CONFIRMED by default, or RESET_REQUIRED); for UserMigration_ForgotPassword with no password,
 * RESET_REQUIRED. A throw is UserLambdaValidationException as for every trigger; attributes Cognito would refuse are
 * InvalidLambdaResponseException with Cognito's message about them (chosen). Seen (High, the Developer Guide, migrate
 * user trigger): a welcome message is sent unless `messageAction` is SUPPRESS, by `desiredDeliveryMediums` (SMS by
 * default). Chosen: it is the pool's invitation (CustomMessage_AdminCreateUser) with no password in it, sent only by
 * the mediums the user has an address for, as AdminCreateUser's default is. Resolves to undefined when the pool has
 * no such function.
 */
export async function migrateUser(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  call: MigrationCall,
): Promise<UserRow | undefined> {
  const migrated = await invokeMigration(cx, pool, call)
  if (!migrated) return undefined
  const { given, status } = migrated
  let user: UserRow
  try {
    const checked = cx as never
    const values = checkAttributes(checked, pool, given, 'admin')
    const sub = cx.ids.uuid()
    const identity = newIdentity(checked, pool, call.userName, values, sub, 'User account already exists')
    const now = cx.now()
    const draft: UserRow = {
      poolId: pool.pool.Id,
      username: identity.username,
      key: identity.key,
      sub,
      attributes: [['sub', sub], ...identity.attributes],
      status: call.source === 'UserMigration_ForgotPassword' ? 'RESET_REQUIRED' : status,
      enabled: true,
      ...(call.password !== undefined && {
        passwordKey: passwordKey({ poolId: pool.pool.Id, username: identity.username, sub }, call.password),
      }),
      history: [],
      aliases: [],
      codes: {},
      pending: [],
      attempts: {},
      created: now,
      modified: now,
    }
    user = cx.tables.users.insert(claimAliases(checked, pool, draft, migrated.forceAliasCreation))
  } catch (error) {
    if (!isCognitoError(error)) throw error
    throw fail(cx, 'InvalidLambdaResponseException', error.message)
  }
  if (migrated.messageAction !== 'SUPPRESS')
    await welcome(cx, pool, user, migrated.desiredDeliveryMediums, call.clientId, call.clientMetadata)
  return user
}

/** The attribute each delivery medium sends to. */
const ADDRESS = { EMAIL: 'email', SMS: 'phone_number' } as const

/** The welcome message of a migrated user, by each medium asked for (SMS by default) it has an address for. */
async function welcome(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  user: UserRow,
  asked: unknown,
  clientId: string | undefined,
  clientMetadata: Readonly<Record<string, string>> | undefined,
): Promise<void> {
  const mediums: readonly unknown[] = Array.isArray(asked) && asked.length > 0 ? asked : ['SMS']
  for (const medium of new Set(mediums)) {
    if (medium !== 'EMAIL' && medium !== 'SMS') continue
    const destination = attribute(user, ADDRESS[medium])
    if (destination)
      await deliver(cx, pool, user, 'AdminCreateUser', {
        medium,
        destination,
        attribute: ADDRESS[medium],
        ...(clientId !== undefined && { clientId }),
        ...(clientMetadata && { clientMetadata }),
      })
  }
}
