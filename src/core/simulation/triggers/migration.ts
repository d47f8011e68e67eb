import type { AttributeType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import type { PoolRow } from '../resources/user-pools.js'
import { configured, invokeTrigger } from './invoke.js'
import { RESPONSES } from './responses.js'

/** Whether a pool migrates unknown users through a function. */
export function migrates(pool: PoolRow): boolean {
  return configured(pool, 'UserMigration') !== undefined
}

/** A lookup of a user the pool does not know, by the pool's UserMigration function. */
export interface MigrationCall {
  readonly source: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword'
  readonly userName: string
  readonly clientId?: string | undefined
  readonly password?: string | undefined
  readonly clientMetadata?: Readonly<Record<string, string>> | undefined
}

/** What a UserMigration function returned, read. */
export interface Migrated {
  /** The attributes to create the user with (`sub` and `username` left out). */
  readonly given: AttributeType[]
  /** `finalUserStatus`: CONFIRMED by default. */
  readonly status: 'CONFIRMED' | 'RESET_REQUIRED'
  readonly forceAliasCreation: boolean
  /** `messageAction`, `desiredDeliveryMediums`: whether a welcome message is sent, and by which mediums. */
  readonly messageAction: unknown
  readonly desiredDeliveryMediums: unknown
}

/**
 * UserMigration: the pool's function asked about a user the pool does not know (AWS's documentation): with the
 * password the sign-in gave for UserMigration_Authentication, with none for UserMigration_ForgotPassword. A throw is
 * UserLambdaValidationException as for every trigger; a response without string attributes or with another
 * `finalUserStatus` is InvalidLambdaResponseException. Resolves to undefined when the pool has no such function.
 */
export async function invokeMigration(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  call: MigrationCall,
): Promise<Migrated | undefined> {
  const response = await invokeTrigger(
    cx,
    {
      trigger: 'UserMigration',
      source: call.source,
      pool,
      userName: call.userName,
      clientId: call.clientId,
      request: {
        ...(call.password !== undefined && { password: call.password }),
        validationData: call.clientMetadata ?? null,
        ...(call.clientMetadata && { clientMetadata: call.clientMetadata }),
      },
      response: {
        userAttributes: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
      },
    },
    RESPONSES.UserMigration,
  )
  if (!response) return undefined
  const returned = response['userAttributes']
  const status = response['finalUserStatus'] ?? 'CONFIRMED'
  if (
    returned === null ||
    typeof returned !== 'object' ||
    (status !== 'CONFIRMED' && status !== 'RESET_REQUIRED') ||
    Object.values(returned as object).some((v) => typeof v !== 'string')
  )
    throw fail(cx, 'InvalidLambdaResponseException', 'Unrecognizable lambda output')
  const given: AttributeType[] = Object.entries(returned as Record<string, string>)
    .filter(([name]) => name !== 'sub' && name !== 'username')
    .map(([Name, Value]) => ({ Name, Value }))
  return {
    given,
    status,
    forceAliasCreation: response['forceAliasCreation'] === true,
    messageAction: response['messageAction'],
    desiredDeliveryMediums: response['desiredDeliveryMediums'],
  }
}
