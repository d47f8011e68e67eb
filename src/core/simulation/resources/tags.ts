import type { Can } from '../context.js'
import { fail } from '../context.js'
import type { PoolRow } from './user-pools.js'

/** Tags one resource may carry (seen: TagResource's API reference, "A user pool can have as many as 50 tags."). */
export const MAX_TAGS = 50

/** The pool an ARN names, in the caller's account and region. */
export function poolByArn(cx: Can<'ResourceNotFoundException'>, arn: string): PoolRow {
  const match = /^arn:aws:cognito-idp:([^:]+):([0-9]{12}):userpool\/(.+)$/.exec(arn)
  const pool = match && match[1] === cx.region && match[2] === cx.account ? cx.tables.pools.get(match[3]!) : undefined
  // Chosen without evidence: the message for an ARN that names no pool of this account.
  if (!pool) throw fail(cx, 'ResourceNotFoundException', `Resource ${arn} does not exist.`)
  return pool
}
