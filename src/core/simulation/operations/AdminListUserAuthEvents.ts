import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { describeEvent, eventsOf } from '../resources/auth-events.js'
import { requireAddOn } from '../resources/threat-protection.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** Events per page when MaxResults is 0 or left out (seen in the model: 60). */
const DEFAULT_PAGE = 60

/** The token after an event: `<EventId>#<its CreationDate, ISO-8601 with milliseconds>` (seen in AWS's example). */
function tokenAfter(event: { id: string; created: number }): string {
  return `${event.id}#${new Date(Math.round(event.created * 1000)).toISOString()}`
}

/**
 * AdminListUserAuthEvents: a user's events, newest first (seen in the API Reference's example), MaxResults at a time;
 * a NextToken comes with every full page (seen: AWS's example returns one with exactly MaxResults events).
 */
export const AdminListUserAuthEvents = operation('AdminListUserAuthEvents', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  requireAddOn(cx, pool.pool)
  const user = findUser(cx, pool, input.Username)
  const events = eventsOf(cx, user)
  let start = 0
  if (input.NextToken !== undefined) {
    start = events.findIndex((e) => tokenAfter(e) === input.NextToken) + 1
    // Chosen without evidence: the message for a token that names no event of this user.
    if (start === 0) throw invalidParameter(cx, 'Invalid pagination token.')
  }
  const max = input.MaxResults || DEFAULT_PAGE
  const page = events.slice(start, start + max)
  const last = page.at(-1)
  const AuthEvents = page.map(describeEvent)
  return page.length === max && last ? { AuthEvents, NextToken: tokenAfter(last) } : { AuthEvents }
})
