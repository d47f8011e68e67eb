import { operation } from '../define.js'
import { checkFeatures, poolFeatures } from '../resources/feature-plans.js'
import { createPool, describePool } from '../resources/user-pools.js'

/** CreateUserPool: a new pool in the caller's region with Cognito's defaults for everything left out. */
export const CreateUserPool = operation('CreateUserPool', (cx, input) => {
  checkFeatures(cx, input, poolFeatures(input))
  return { UserPool: describePool(cx, createPool(cx, input)) }
})
