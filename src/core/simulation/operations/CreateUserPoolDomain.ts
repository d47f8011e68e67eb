import { operation } from '../define.js'
import { checkNewDomain } from '../resources/domains.js'
import { findPool } from '../resources/user-pools.js'

/** CreateUserPoolDomain: a prefix domain, or a custom domain with its certificate (one of each per pool). */
export const CreateUserPoolDomain = operation('CreateUserPoolDomain', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const custom = input.CustomDomainConfig !== undefined
  checkNewDomain(cx, pool.pool.Id, input.Domain, custom)
  // Chosen: managed login (version 2) unless the request asks for the classic hosted UI (1), as the console does.
  const managedLoginVersion = input.ManagedLoginVersion ?? 1
  const cloudFront = `${cx.ids.chars(14, 'abcdefghijklmnopqrstuvwxyz0123456789')}.cloudfront.net`
  cx.tables.domains.insert({
    domain: input.Domain,
    poolId: pool.pool.Id,
    account: cx.account,
    ...(input.CustomDomainConfig && { custom: input.CustomDomainConfig }),
    managedLoginVersion,
    cloudFront,
    version: '20250101000000',
  })
  return custom
    ? { CloudFrontDomain: cloudFront, ManagedLoginVersion: managedLoginVersion }
    : { ManagedLoginVersion: managedLoginVersion }
})
