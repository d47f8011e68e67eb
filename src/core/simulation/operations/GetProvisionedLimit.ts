import { operation } from '../define.js'
import { categoryOf, describeLimit } from '../resources/limits.js'

/** GetProvisionedLimit: an API category's provisioned and default rates, for the account in the call's region. */
export const GetProvisionedLimit = operation('GetProvisionedLimit', (cx, input) => ({
  Limit: describeLimit(cx, categoryOf(cx, input.LimitDefinition)),
}))
