import { operation } from '../define.js'
import { createPool, describePool } from '../resources/user-pools.js'

/** CreateUserPool: a new pool in the caller's region with Cognito's defaults for everything left out. */
export const CreateUserPool = operation('CreateUserPool', (cx, input) => ({
  UserPool: describePool(cx, createPool(cx, input)),
}))
