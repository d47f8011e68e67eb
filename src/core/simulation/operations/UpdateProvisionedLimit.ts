import { operation } from '../define.js'
import { categoryOf, describeLimit, provision } from '../resources/limits.js'

/**
 * UpdateProvisionedLimit: sets an adjustable category's rate for the account in the call's region, in effect at once
 * (AWS's Developer Guide); with `rateLimits` on, the simulation enforces it from the next call.
 */
export const UpdateProvisionedLimit = operation('UpdateProvisionedLimit', (cx, input) => {
  const category = categoryOf(cx, input.LimitDefinition)
  provision(cx, category, input.RequestedLimitValue)
  return { Limit: describeLimit(cx, category) }
})
