import type { CodeDeliveryDetailsType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import { type Delivery, type MessageKind, mask, render, texts } from '../resources/messages.js'
import type { PoolRow } from '../resources/user-pools.js'
import type { UserRow } from '../resources/users.js'
import { customMessage, customSender } from '../triggers/messages.js'

/**
 * Records the message the pool would send to a user, rendered from its templates (or what its CustomMessage function
 * returns), hands it to a custom sender function when the pool has one, and returns its CodeDeliveryDetails.
 */
export async function deliver(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  user: UserRow,
  kind: MessageKind,
  delivery: Delivery,
): Promise<CodeDeliveryDetailsType> {
  let { subject, body } = texts(pool, kind, delivery.medium)
  const custom = await customMessage(cx, pool, user, kind, delivery)
  if (custom) {
    body = custom.body ?? body
    subject = custom.subject ?? subject
  }
  await customSender(cx, pool, user, kind, delivery)
  const secret = delivery.temporaryPassword ?? delivery.code ?? ''
  const values = { code: secret, username: user.username, link: delivery.link }
  cx.tables.messages.insert({
    id: `${pool.pool.Id}/${cx.ids.chars(16)}`,
    poolId: pool.pool.Id,
    username: user.username,
    kind,
    medium: delivery.medium,
    destination: delivery.destination,
    attribute: delivery.attribute,
    ...(delivery.code !== undefined && { code: delivery.code }),
    ...(delivery.temporaryPassword !== undefined && { temporaryPassword: delivery.temporaryPassword }),
    ...(subject !== undefined && { subject: render(subject, values) }),
    message: render(body, values),
    time: cx.now(),
  })
  return {
    Destination: mask(delivery.medium, delivery.destination),
    DeliveryMedium: delivery.medium,
    AttributeName: delivery.attribute,
  }
}
