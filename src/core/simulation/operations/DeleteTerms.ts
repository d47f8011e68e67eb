import { operation } from '../define.js'
import { findTerms } from '../resources/terms.js'

/** DeleteTerms: removes a terms document; the client's pages stop linking the terms. */
export const DeleteTerms = operation('DeleteTerms', (cx, input) => {
  cx.tables.terms.delete(findTerms(cx, input.UserPoolId, input.TermsId).id)
  return {}
})
