import { operation } from '../define.js'
import { page } from '../paging.js'
import { findPool } from '../resources/user-pools.js'

/** ListIdentityProviders answers this many when MaxResults is left out (chosen: the model's maximum). */
const DEFAULT_PAGE = 60

/** ListIdentityProviders: the pool's providers in creation order, MaxResults (up to 60) at a time. */
export const ListIdentityProviders = operation('ListIdentityProviders', (cx, input) => {
  findPool(cx, input.UserPoolId)
  const max = input.MaxResults === undefined || input.MaxResults === 0 ? DEFAULT_PAGE : input.MaxResults
  const providers = cx.tables.providers
  const { items, next } = page(
    cx,
    providers,
    (r) => `${r.poolId}/${r.name}`,
    providers.children(input.UserPoolId),
    max,
    input.NextToken,
  )
  const Providers = items.map((r) => ({
    ProviderName: r.name,
    ProviderType: r.type,
    LastModifiedDate: r.modified,
    CreationDate: r.created,
  }))
  return next ? { Providers, NextToken: next } : { Providers }
})
