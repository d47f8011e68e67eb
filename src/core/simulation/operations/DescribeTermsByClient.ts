import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'
import { describeTerms, findTermsByName } from '../resources/terms.js'

/** DescribeTermsByClient: an app client's terms document of a name. */
export const DescribeTermsByClient = operation('DescribeTermsByClient', (cx, input) => ({
  Terms: describeTerms(findTermsByName(cx, findClient(cx, input.UserPoolId, input.ClientId), input.TermsName)),
}))
