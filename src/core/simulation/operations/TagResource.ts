import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { MAX_TAGS, poolByArn } from '../resources/tags.js'

/** TagResource: adds or replaces tags, up to the limit. */
export const TagResource = operation('TagResource', (cx, input) => {
  const row = poolByArn(cx, input.ResourceArn)
  const tags = { ...row.tags, ...input.Tags }
  if (Object.keys(tags).length > MAX_TAGS) throw invalidParameter(cx, `A resource can have at most ${MAX_TAGS} tags.`)
  cx.tables.pools.put({ ...row, tags })
  return {}
})
