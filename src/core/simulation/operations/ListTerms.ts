import { operation } from '../define.js'
import { page } from '../paging.js'
import { summarizeTerms } from '../resources/terms.js'
import { findPool } from '../resources/user-pools.js'

/** ListTerms answers this many when MaxResults is left out (chosen: the model's maximum). */
const DEFAULT_PAGE = 60

/** ListTerms: the pool's terms documents of every client in creation order, without their clients and links (the model). */
export const ListTerms = operation('ListTerms', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const terms = cx.tables.terms
  const { items, next } = page(
    cx,
    terms,
    (row) => row.id,
    terms.children(pool.pool.Id),
    input.MaxResults ?? DEFAULT_PAGE,
    input.NextToken,
  )
  const Terms = items.map(summarizeTerms)
  return next ? { Terms, NextToken: next } : { Terms }
})
