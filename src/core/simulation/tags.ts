import type { ListTagsForResourceRequest, ListTagsForResourceResponse, TagResourceRequest, UntagResourceRequest } from '../../../generated/types.js'
import { CognitoError } from '../protocol/errors.js'
import type { Engine } from './engine.js'
import { invalidParameter } from './errors.js'
import { plainObject, type PoolRecord } from './state.js'

/** Tags one resource may carry (chosen: the AWS-wide tagging limit). */
const MAX_TAGS = 50

function poolByArn(engine: Engine, arn: string): PoolRecord {
  const match = /^arn:aws:cognito-idp:([^:]+):([0-9]{12}):userpool\/(.+)$/.exec(arn)
  const pool = match && match[2] === engine.accountId ? engine.state.pools.get(match[3]!) : undefined
  // Chosen without evidence: the message for an ARN that names no pool of this account.
  if (!pool) throw new CognitoError('ResourceNotFoundException', `Resource ${arn} does not exist.`)
  return pool
}

/** TagResource: adds or replaces tags. */
export function tagResource(engine: Engine, input: TagResourceRequest): Record<string, never> {
  const pool = poolByArn(engine, input.ResourceArn)
  const next = new Map(pool.tags)
  for (const [k, v] of Object.entries(input.Tags)) next.set(k, v)
  if (next.size > MAX_TAGS) throw invalidParameter(`A resource can have at most ${MAX_TAGS} tags.`)
  pool.tags = next
  return {}
}

/** UntagResource: removes tags by key; keys it does not have are ignored. */
export function untagResource(engine: Engine, input: UntagResourceRequest): Record<string, never> {
  const pool = poolByArn(engine, input.ResourceArn)
  for (const key of input.TagKeys) pool.tags.delete(key)
  return {}
}

/** ListTagsForResource. */
export function listTagsForResource(engine: Engine, input: ListTagsForResourceRequest): ListTagsForResourceResponse {
  return { Tags: plainObject(poolByArn(engine, input.ResourceArn).tags) }
}
