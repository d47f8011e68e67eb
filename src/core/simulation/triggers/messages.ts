import type { Can } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import type { Delivery, MessageKind } from '../resources/messages.js'
import type { PoolRow } from '../resources/user-pools.js'
import type { UserRow } from '../resources/users.js'
import { eventAttributes } from './events.js'
import { invokeTrigger } from './invoke.js'
import { RESPONSES } from './responses.js'

/**
 * CustomMessage_<kind>: the function gets the placeholders (`codeParameter` `{####}`, `usernameParameter`
 * `{username}` for invitations, `linkParameter` for emails by link) and returns the texts with them in (AWS's
 * documentation); what it leaves null keeps the pool's template. The texts are rendered as templates are.
 */
export async function customMessage(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  user: UserRow,
  kind: MessageKind,
  delivery: Delivery,
): Promise<{ body?: string | undefined; subject?: string | undefined } | undefined> {
  const response = await invokeTrigger(
    cx,
    {
      trigger: 'CustomMessage',
      source: `CustomMessage_${kind}`,
      pool,
      userName: user.username,
      clientId: delivery.clientId,
      request: {
        userAttributes: eventAttributes(pool, user),
        codeParameter: '{####}',
        usernameParameter: kind === 'AdminCreateUser' ? '{username}' : null,
        linkParameter: '{##Click Here##}',
        ...(delivery.clientMetadata && { clientMetadata: delivery.clientMetadata }),
      },
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    },
    RESPONSES.CustomMessage,
  )
  if (!response) return undefined
  const text = (key: string) => (typeof response[key] === 'string' ? (response[key] as string) : undefined)
  if (delivery.medium === 'SMS') return { body: text('smsMessage') }
  return { body: text('emailMessage'), subject: text('emailSubject') }
}

/**
 * CustomEmailSender_<kind> / CustomSMSSender_<kind>, when the pool hands its messages to a function of its own. Real
 * Cognito encrypts `request.code` with the pool's KMS key; the simulation passes it in plain text (chosen: no KMS
 * here, so a test can read it). The message is still recorded in `messages()`.
 */
export async function customSender(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  user: UserRow,
  kind: MessageKind,
  delivery: Delivery,
): Promise<void> {
  const trigger = delivery.medium === 'SMS' ? 'CustomSMSSender' : 'CustomEmailSender'
  await invokeTrigger(
    cx,
    {
      trigger,
      source: `${trigger}_${kind}`,
      pool,
      userName: user.username,
      clientId: delivery.clientId,
      request: {
        type: delivery.medium === 'SMS' ? 'customSMSSenderRequestV1' : 'customEmailSenderRequestV1',
        code: delivery.temporaryPassword ?? delivery.code ?? null,
        clientMetadata: delivery.clientMetadata ?? null,
        userAttributes: eventAttributes(pool, user),
      },
    },
    RESPONSES.Empty,
  )
}
