import type { LimitDefinitionType, LimitType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'

/**
 * The API categories with their default rate (requests per second) and whether they can be provisioned. Seen from
 * Cognito (AWS's Developer Guide, "Quotas in Amazon Cognito", the category table; found by text search "Only adjustable
 * quota categories support provisioning"; the 2023 archive's rates agree): UserAuthentication 120, UserCreation 50,
 * UserFederation 25, UserRead 120, UserToken 120, UserResourceRead 50 adjustable; the others not. The rates may have
 * changed since. `perPool`: the categories whose every operation is also held to 5 RPS per user pool (the page's
 * footnote 3).
 */
export const CATEGORIES = {
  UserAuthentication: { free: 120, adjustable: true },
  UserCreation: { free: 50, adjustable: true },
  UserFederation: { free: 25, adjustable: true },
  UserAccountRecovery: { free: 30, adjustable: false },
  UserRead: { free: 120, adjustable: true },
  UserUpdate: { free: 25, adjustable: false },
  UserToken: { free: 120, adjustable: true },
  UserResourceRead: { free: 50, adjustable: true },
  UserResourceUpdate: { free: 25, adjustable: false },
  UserList: { free: 30, adjustable: false },
  UserPoolRead: { free: 15, adjustable: false },
  UserPoolUpdate: { free: 15, adjustable: false },
  UserPoolResourceRead: { free: 20, adjustable: false, perPool: 5 },
  UserPoolResourceUpdate: { free: 15, adjustable: false, perPool: 5 },
  UserPoolClientRead: { free: 15, adjustable: false, perPool: 5 },
  UserPoolClientUpdate: { free: 15, adjustable: false, perPool: 5 },
  ClientAuthentication: { free: 150, adjustable: false },
  LimitManagement: { free: 1, adjustable: false },
} as const satisfies Record<string, { free: number; adjustable: boolean; perPool?: number }>

/** An API category. */
export type Category = keyof typeof CATEGORIES

/**
 * Chosen without evidence: the account-level maximum a category can be provisioned to (set in Service Quotas, which
 * the simulation does not have) is ten times its default rate.
 */
export const MAXIMUM_FACTOR = 10

/** A provisioned rate of the account in one region (a row only while it differs from the default). */
export interface ProvisionedLimitRow {
  readonly category: Category
  readonly value: number
}

/** Provisioned rates, by category, per (account, region) partition: they are account-level, not a pool's. */
export const provisionedLimitsTable = table<ProvisionedLimitRow>({ key: (row) => row.category })

/** Whether a name is an API category. */
export function isCategory(name: string): name is Category {
  return Object.hasOwn(CATEGORIES, name)
}

/**
 * The category a LimitDefinition names. Seen in the model: `{LimitClass: "API_CATEGORY", Attributes: {Category}}`.
 * Chosen without evidence: InvalidParameterException for a missing or unknown category or another attribute.
 */
export function categoryOf(cx: Can<'InvalidParameterException'>, definition: LimitDefinitionType): Category {
  const attributes = definition.Attributes ?? {}
  const category = attributes['Category']
  const others = Object.keys(attributes).filter((k) => k !== 'Category')
  if (others.length > 0) throw invalidParameter(cx, `Unknown limit attribute: ${others[0]}.`)
  if (category === undefined) throw invalidParameter(cx, 'The limit definition must name a Category.')
  if (!isCategory(category)) throw invalidParameter(cx, `Unknown API category: ${category}.`)
  return category
}

/** The rate Cognito enforces for a category now: the provisioned one, else the default. */
export function provisioned(cx: Can<never>, category: Category): number {
  return cx.tables.provisionedLimits.get(category)?.value ?? CATEGORIES[category].free
}

/** A category's limit as GetProvisionedLimit and UpdateProvisionedLimit return it. */
export function describeLimit(cx: Can<never>, category: Category): LimitType {
  return {
    LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: category } },
    ProvisionedLimitValue: provisioned(cx, category),
    FreeLimitValue: CATEGORIES[category].free,
  }
}

/**
 * Sets a category's provisioned rate. Seen in the model and AWS's Developer Guide: only adjustable categories can be
 * provisioned; the value must be between the default and the account-level maximum (ServiceQuotaExceededException
 * beyond it); managed-login pools cannot adjust UserAuthentication or UserFederation (read: while a pool of the
 * account and region has a domain on managed login, version 2). Chosen without evidence: every message, the maximum
 * (MAXIMUM_FACTOR), and InvalidParameterException for the other refusals.
 */
export function provision(
  cx: Can<'InvalidParameterException' | 'ServiceQuotaExceededException'>,
  category: Category,
  value: number,
): void {
  const { free, adjustable } = CATEGORIES[category]
  if (!adjustable) throw invalidParameter(cx, `The ${category} category is not adjustable.`)
  if (
    (category === 'UserAuthentication' || category === 'UserFederation') &&
    cx.tables.domains.all().some((d) => d.managedLoginVersion === 2)
  )
    throw invalidParameter(
      cx,
      `The ${category} category cannot be provisioned for user pools with managed login; request a Service Quotas increase instead.`,
    )
  if (value < free) throw invalidParameter(cx, `The requested limit ${value} is below the default limit ${free}.`)
  const maximum = free * MAXIMUM_FACTOR
  if (value > maximum)
    throw fail(
      cx,
      'ServiceQuotaExceededException',
      `The requested limit ${value} exceeds the account-level maximum limit ${maximum} for ${category}.`,
    )
  const rows = cx.tables.provisionedLimits
  if (value === free) rows.delete(category)
  else if (rows.has(category)) rows.put({ category, value })
  else rows.insert({ category, value })
}
