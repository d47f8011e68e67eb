import { operation } from '../define.js'
import { describeTerms, findTerms } from '../resources/terms.js'

/** DescribeTerms: a terms document by its TermsId, with its client and links. */
export const DescribeTerms = operation('DescribeTerms', (cx, input) => ({
  Terms: describeTerms(findTerms(cx, input.UserPoolId, input.TermsId)),
}))
