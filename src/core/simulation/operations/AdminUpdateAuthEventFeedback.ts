import { operation } from '../define.js'
import { giveFeedback } from '../resources/auth-events.js'
import { requireAddOn } from '../resources/threat-protection.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminUpdateAuthEventFeedback: marks an event valid or invalid, as the administrator (seen in the model: `Admin`). */
export const AdminUpdateAuthEventFeedback = operation('AdminUpdateAuthEventFeedback', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  requireAddOn(cx, pool.pool)
  const user = findUser(cx, pool, input.Username)
  giveFeedback(cx, user, input.EventId, input.FeedbackValue, 'Admin', undefined)
  return {}
})
