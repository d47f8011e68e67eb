import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { page } from '../paging.js'
import { findPool } from '../resources/user-pools.js'

/** ListUserPoolClients answers this many when MaxResults is left out (chosen: the model's maximum). */
const DEFAULT_PAGE = 60

/** ListUserPoolClients: the pool's clients in creation order, MaxResults (up to 60) at a time. */
export const ListUserPoolClients = operation('ListUserPoolClients', (cx, input) => {
  findPool(cx, input.UserPoolId)
  if (input.MaxResults === 0) throw invalidParameter(cx, 'MaxResults must be greater than 0.')
  const clients = cx.tables.clients
  const { items, next } = page(
    cx,
    clients,
    (c) => c.client.ClientId,
    clients.children(input.UserPoolId),
    input.MaxResults ?? DEFAULT_PAGE,
    input.NextToken,
  )
  const UserPoolClients = items.map((c) => ({
    ClientId: c.client.ClientId,
    UserPoolId: c.client.UserPoolId,
    ClientName: c.client.ClientName,
  }))
  return next ? { UserPoolClients, NextToken: next } : { UserPoolClients }
})
