import { operation } from '../define.js'
import { findDomain } from '../resources/domains.js'
import { findPool } from '../resources/user-pools.js'

/** DeleteUserPoolDomain: the pool's domain goes, and its hosted pages with it. */
export const DeleteUserPoolDomain = operation('DeleteUserPoolDomain', (cx, input) => {
  findPool(cx, input.UserPoolId)
  findDomain(cx, input.UserPoolId, input.Domain)
  cx.tables.domains.delete(input.Domain)
  return {}
})
