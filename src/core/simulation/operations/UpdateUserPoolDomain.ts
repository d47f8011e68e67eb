import { operation } from '../define.js'
import { findDomain } from '../resources/domains.js'
import { findPool } from '../resources/user-pools.js'

/** UpdateUserPoolDomain: a custom domain's certificate, or the managed login version. */
export const UpdateUserPoolDomain = operation('UpdateUserPoolDomain', (cx, input) => {
  findPool(cx, input.UserPoolId)
  const row = findDomain(cx, input.UserPoolId, input.Domain)
  const updated = {
    ...row,
    ...(input.CustomDomainConfig && row.custom && { custom: input.CustomDomainConfig }),
    ...(input.ManagedLoginVersion !== undefined && { managedLoginVersion: input.ManagedLoginVersion }),
  }
  cx.tables.domains.put(updated)
  return {
    ManagedLoginVersion: updated.managedLoginVersion,
    ...(updated.custom && { CloudFrontDomain: updated.cloudFront }),
  }
})
