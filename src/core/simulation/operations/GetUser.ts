import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { mfaSummary } from '../resources/mfa.js'
import { readableBy } from '../resources/user-attributes.js'

/** GetUser: the signed-in user's username and attributes (those its app client may read; no status or dates). */
export const GetUser = operation('GetUser', async (cx, input) => {
  const { pool, user, claims } = await signedIn(cx, input.AccessToken)
  const readable = cx.tables.clients.get(claims.client_id)?.client.ReadAttributes
  const UserAttributes = readableBy(readable, user.attributes).map(([Name, Value]) => ({ Name, Value }))
  return { Username: user.username, UserAttributes, ...mfaSummary(pool, user) }
})
