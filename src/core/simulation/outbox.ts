import type { DeliveryMediumType } from '../../../generated/types.js'
import type { MessageKind } from './resources/messages.js'
import type { Store } from './schema.js'

/** An email or SMS message a pool would have delivered, as a test reads it. */
export interface DeliveredMessage {
  readonly region: string
  readonly accountId: string
  readonly userPoolId: string
  /** The username Cognito keeps (the `sub` in pools whose username is an email or phone number). */
  readonly username: string
  /** Why it was sent: the CustomMessage trigger source's suffix (`SignUp`, `ForgotPassword`, `AdminCreateUser`…). */
  readonly kind: MessageKind
  readonly medium: DeliveryMediumType
  /** The email address or phone number it went to. */
  readonly destination: string
  /** The attribute that address is the value of. */
  readonly attribute: string
  /** The six-digit code it carries, if any. */
  readonly code?: string | undefined
  /** The temporary password of an invitation. */
  readonly temporaryPassword?: string | undefined
  /** The feedback token of a threat protection notification, for UpdateAuthEventFeedback. */
  readonly feedbackToken?: string | undefined
  readonly subject?: string | undefined
  /** The text as the pool's templates render it. */
  readonly message: string
  /** When it was sent, epoch seconds. */
  readonly time: number
}

/** Which messages to list; every member given must match. */
export interface MessageFilter {
  readonly userPoolId?: string | undefined
  readonly username?: string | undefined
  readonly destination?: string | undefined
  readonly medium?: DeliveryMediumType | undefined
  readonly kind?: MessageKind | undefined
}

/** Every message the simulation's pools sent, oldest first, in every account and region. */
export function deliveredMessages(store: Store, filter: MessageFilter = {}): DeliveredMessage[] {
  const out: Array<DeliveredMessage & { seq: number }> = []
  for (const partition of store.occupied()) {
    const table = partition.tables.messages
    for (const row of table.all()) {
      const message: DeliveredMessage = {
        region: partition.region,
        accountId: partition.account,
        userPoolId: row.poolId,
        username: row.username,
        kind: row.kind,
        medium: row.medium,
        destination: row.destination,
        attribute: row.attribute,
        ...(row.code !== undefined && { code: row.code }),
        ...(row.temporaryPassword !== undefined && { temporaryPassword: row.temporaryPassword }),
        ...(row.feedbackToken !== undefined && { feedbackToken: row.feedbackToken }),
        ...(row.subject !== undefined && { subject: row.subject }),
        message: row.message,
        time: row.time,
      }
      const wanted = Object.entries(filter).every(
        ([k, v]) => v === undefined || (message as unknown as Record<string, unknown>)[k] === v,
      )
      if (wanted) out.push({ ...message, seq: table.seq(row.id) })
    }
  }
  return out.sort((a, b) => a.seq - b.seq).map(({ seq: _seq, ...message }) => message)
}
