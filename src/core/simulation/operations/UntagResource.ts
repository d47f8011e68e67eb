import { operation } from '../define.js'
import { poolByArn } from '../resources/tags.js'

/** UntagResource: removes tags by key; keys the resource does not have are ignored. */
export const UntagResource = operation('UntagResource', (cx, input) => {
  const row = poolByArn(cx, input.ResourceArn)
  const removed = new Set(input.TagKeys)
  cx.tables.pools.put({
    ...row,
    tags: Object.fromEntries(Object.entries(row.tags).filter(([key]) => !removed.has(key))),
  })
  return {}
})
