import { operation } from '../define.js'
import { giveFeedback } from '../resources/auth-events.js'
import { requireAddOn } from '../resources/threat-protection.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/**
 * UpdateAuthEventFeedback: the user's answer from a notification's one-click link, with the token the link carried.
 * Chosen without evidence: the feedback's Provider for it (`User`; the model names only `Admin`, for the console).
 */
export const UpdateAuthEventFeedback = operation('UpdateAuthEventFeedback', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  requireAddOn(cx, pool.pool)
  const user = findUser(cx, pool, input.Username)
  giveFeedback(cx, user, input.EventId, input.FeedbackValue, 'User', input.FeedbackToken)
  return {}
})
