import { operation } from '../define.js'
import { updateAttributes } from '../flows/attribute-updates.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { checkWritable } from '../resources/user-attributes.js'

/** UpdateUserAttributes: the user sets its own attributes; new addresses get codes, listed in CodeDeliveryDetailsList. */
export const UpdateUserAttributes = operation('UpdateUserAttributes', async (cx, input) => {
  const { pool, user, claims } = await signedIn(cx, input.AccessToken)
  const client = cx.tables.clients.get(claims.client_id)
  checkWritable(
    cx,
    client?.client.WriteAttributes,
    input.UserAttributes.map((a) => a.Name),
  )
  const { deliveries } = await updateAttributes(
    cx,
    pool,
    user,
    input.UserAttributes,
    'user',
    claims.client_id,
    input.ClientMetadata,
  )
  return deliveries.length > 0 ? { CodeDeliveryDetailsList: deliveries } : {}
})
