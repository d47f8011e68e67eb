import { operation } from '../define.js'
import { describeResourceServer, findResourceServer } from '../resources/resource-servers.js'
import { findPool } from '../resources/user-pools.js'

/** DescribeResourceServer: the server and its scopes. */
export const DescribeResourceServer = operation('DescribeResourceServer', (cx, input) => {
  findPool(cx, input.UserPoolId)
  return { ResourceServer: describeResourceServer(findResourceServer(cx, input.UserPoolId, input.Identifier)) }
})
