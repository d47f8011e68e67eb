import type { UserPoolReplicaType } from '../../../../generated/types.js'
import { decodeToken, encodeToken } from '../../shared/text.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { describePrimary, describeSecondary, findReplication, secondariesOf } from '../resources/replicas.js'

/** Chosen without evidence (the request has no MaxResults): replicas listed this many at a time. */
const PAGE = 60

/**
 * ListUserPoolReplicas: the primary (Role PRIMARY) then its secondaries, oldest first, from either Region (seen in the
 * model: "Lists all replicas for a user pool, including both primary and secondary replicas"), paged by NextToken.
 */
export const ListUserPoolReplicas = operation('ListUserPoolReplicas', (cx, input) => {
  const replication = findReplication(cx, input.UserPoolId)
  const all: UserPoolReplicaType[] = [
    describePrimary(replication),
    ...secondariesOf(replication).map((row) => describeSecondary(row, replication.primary.account)),
  ]
  let start = 0
  if (input.NextToken !== undefined) {
    const parsed = decodeToken(input.NextToken) as { v?: unknown; replicas?: unknown } | undefined
    // Chosen: the message other lists give for a token that is not theirs (paging.ts).
    if (
      parsed?.v !== 1 ||
      typeof parsed.replicas !== 'number' ||
      !Number.isInteger(parsed.replicas) ||
      parsed.replicas < 0
    )
      throw invalidParameter(cx, 'Invalid pagination token.')
    start = parsed.replicas
  }
  const UserPoolReplicas = all.slice(start, start + PAGE)
  return start + PAGE < all.length
    ? { UserPoolReplicas, NextToken: encodeToken({ v: 1, replicas: start + PAGE }) }
    : { UserPoolReplicas }
})
