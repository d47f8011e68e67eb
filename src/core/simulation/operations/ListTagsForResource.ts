import { operation } from '../define.js'
import { poolByArn } from '../resources/tags.js'

/** ListTagsForResource: the tags of a pool named by its ARN. */
export const ListTagsForResource = operation('ListTagsForResource', (cx, input) => ({
  Tags: { ...poolByArn(cx, input.ResourceArn).tags },
}))
