import type {
  AuthEventType,
  ChallengeName,
  ChallengeResponse,
  EventContextDataType,
  EventResponseType,
  EventType,
  FeedbackValueType,
  RiskDecisionType,
  RiskLevelType,
} from '../../../../generated/types.js'
import { sha256Hex } from '../../shared/crypto.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import type { UserRow } from './users.js'

/** One step of an event: the password or an MFA code, and whether it was right. */
export interface EventChallenge {
  readonly name: ChallengeName
  readonly response: ChallengeResponse
}

/** An event threat protection recorded for a user: a sign-in, sign-up, password change or reset, a resent code. */
export interface AuthEventRow {
  readonly poolId: string
  /** The user's key within the pool (UserRow.key). */
  readonly user: string
  readonly id: string
  readonly type: EventType
  readonly created: number
  readonly response: EventResponseType
  readonly decision: RiskDecisionType
  readonly level?: RiskLevelType | undefined
  readonly compromised: boolean
  readonly challenges: readonly EventChallenge[]
  readonly context: EventContextDataType
  readonly feedback?:
    | { readonly value: FeedbackValueType; readonly provider: string; readonly date: number }
    | undefined
  /** SHA-256 (hex) of the token a notification's one-click links carry; the token itself is never kept. */
  readonly feedbackTokenHash?: string | undefined
}

/** Events by user, in the order they happened. */
export const authEventsTable = table<AuthEventRow>({
  key: (row) => `${row.poolId}/${row.user}\n${row.id}`,
  parent: { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
})

/**
 * Events kept per user, oldest dropped first (chosen without evidence: Cognito keeps two years of events, per the
 * 2023 developer guide; a bound keeps a long-running local server's memory flat).
 */
export const EVENTS_PER_USER = 1_000

/** The key of an event row. */
export function eventKey(row: Pick<AuthEventRow, 'poolId' | 'user' | 'id'>): string {
  return `${row.poolId}/${row.user}\n${row.id}`
}

/** A user's events, newest first (seen from Cognito: AdminListUserAuthEvents lists the newest first). */
export function eventsOf(cx: Can<never>, user: UserRow): AuthEventRow[] {
  return cx.tables.authEvents.children(`${user.poolId}/${user.key}`, 'users').reverse()
}

/** The event of a user with this id, if there is one. */
export function findEvent(cx: Can<never>, user: UserRow, id: string): AuthEventRow | undefined {
  return cx.tables.authEvents.get(eventKey({ poolId: user.poolId, user: user.key, id }))
}

/** Records an event, dropping the user's oldest beyond the bound. */
export function recordEvent(cx: Can<never>, row: AuthEventRow): AuthEventRow {
  const events = cx.tables.authEvents
  const mine = events.children(`${row.poolId}/${row.user}`, 'users')
  for (const old of mine.slice(0, Math.max(0, mine.length - EVENTS_PER_USER + 1))) events.delete(eventKey(old))
  events.insert(row)
  return row
}

/** Changes a recorded event (its outcome once the sign-in finished, its feedback). */
export function updateEvent(cx: Can<never>, row: AuthEventRow, change: Partial<AuthEventRow>): AuthEventRow {
  const next = { ...row, ...change }
  cx.tables.authEvents.put(next)
  return next
}

/** The SHA-256 (hex) of a feedback token, as it is kept. */
export function feedbackTokenHash(token: string): string {
  return sha256Hex(token)
}

/** The event as AdminListUserAuthEvents lists it (the shape of the AWS CLI's example output). */
export function describeEvent(row: AuthEventRow): AuthEventType {
  return {
    EventId: row.id,
    EventType: row.type,
    CreationDate: row.created,
    EventResponse: row.response,
    EventRisk: {
      RiskDecision: row.decision,
      ...(row.level !== undefined && { RiskLevel: row.level }),
      CompromisedCredentialsDetected: row.compromised,
    },
    ChallengeResponses: row.challenges.map((c) => ({ ChallengeName: c.name, ChallengeResponse: c.response })),
    EventContextData: { ...row.context },
    ...(row.feedback && {
      EventFeedback: {
        FeedbackValue: row.feedback.value,
        Provider: row.feedback.provider,
        FeedbackDate: row.feedback.date,
      },
    }),
  }
}

/**
 * Records feedback on a user's event. Chosen without evidence: ResourceNotFoundException "Auth event not found." for
 * an event the user does not have, and NotAuthorizedException "Invalid feedback token." for a token that is not the
 * one the event's notification carried (the model lists both errors; no capture shows their text).
 */
export function giveFeedback(
  cx: Can<'ResourceNotFoundException' | 'NotAuthorizedException'>,
  user: UserRow,
  id: string,
  value: FeedbackValueType,
  provider: string,
  token: string | undefined,
): void {
  const event = findEvent(cx, user, id)
  if (!event) throw fail(cx, 'ResourceNotFoundException', 'Auth event not found.')
  if (token !== undefined && event.feedbackTokenHash !== feedbackTokenHash(token))
    throw fail(cx, 'NotAuthorizedException', 'Invalid feedback token.')
  updateEvent(cx, event, { feedback: { value, provider, date: cx.now() } })
}

/** Puts an event back as it is given, whether or not the table still holds it (after a failed call was undone). */
export function keepEvent(cx: Can<never>, row: AuthEventRow): void {
  if (!cx.tables.users.has(`${row.poolId}/${row.user}`)) return
  if (cx.tables.authEvents.has(eventKey(row))) cx.tables.authEvents.put(row)
  else cx.tables.authEvents.insert(row)
}

/** Which recorded auth events `authEvents()` lists; every member given must match. */
export interface AuthEventFilter {
  readonly userPoolId?: string | undefined
  readonly username?: string | undefined
  readonly eventType?: EventType | undefined
  readonly response?: EventResponseType | undefined
  readonly decision?: RiskDecisionType | undefined
}

/** A recorded event as AdminListUserAuthEvents lists it, with the pool and user it belongs to. */
export interface RecordedAuthEvent extends AuthEventType {
  readonly UserPoolId: string
  readonly Username: string
}

/** The events of every user of the partition that match the filter, oldest first (in the order they were recorded). */
export function matchingEvents(cx: Can<never>, filter: AuthEventFilter = {}): RecordedAuthEvent[] {
  return cx.tables.authEvents
    .all()
    .filter(
      (row) =>
        (filter.userPoolId === undefined || row.poolId === filter.userPoolId) &&
        (filter.eventType === undefined || row.type === filter.eventType) &&
        (filter.response === undefined || row.response === filter.response) &&
        (filter.decision === undefined || row.decision === filter.decision),
    )
    .map((row) => ({ row, username: cx.tables.users.get(`${row.poolId}/${row.user}`)?.username }))
    .filter(({ username }) => username !== undefined && (filter.username ?? username) === username)
    .map(({ row, username }) => ({ UserPoolId: row.poolId, Username: username!, ...describeEvent(row) }))
}
