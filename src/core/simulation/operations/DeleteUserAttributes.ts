import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { checkWritable, deleteAttributes } from '../resources/user-attributes.js'

/** DeleteUserAttributes: the user removes attributes the schema does not require. */
export const DeleteUserAttributes = operation('DeleteUserAttributes', async (cx, input) => {
  const { pool, user, claims } = await signedIn(cx, input.AccessToken)
  checkWritable(cx, cx.tables.clients.get(claims.client_id)?.client.WriteAttributes, input.UserAttributeNames)
  cx.tables.users.put(deleteAttributes(cx, pool, user, input.UserAttributeNames))
  return {}
})
