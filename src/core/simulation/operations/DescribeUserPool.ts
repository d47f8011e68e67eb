import { operation } from '../define.js'
import { describePool, findPool } from '../resources/user-pools.js'

/** DescribeUserPool: the pool as it stands. */
export const DescribeUserPool = operation('DescribeUserPool', (cx, input) => ({
  UserPool: describePool(cx, findPool(cx, input.UserPoolId)),
}))
