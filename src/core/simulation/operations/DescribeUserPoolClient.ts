import { operation } from '../define.js'
import { describeClient, findClient } from '../resources/clients.js'

/** DescribeUserPoolClient: the client with its settings and secret. */
export const DescribeUserPoolClient = operation('DescribeUserPoolClient', (cx, input) => ({
  UserPoolClient: describeClient(findClient(cx, input.UserPoolId, input.ClientId)),
}))
