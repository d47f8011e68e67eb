import { operation } from '../define.js'
import { describeTerms, findTerms, updateTerms } from '../resources/terms.js'

/** UpdateTerms: changes the fields given of a terms document (its name, links, source, enforcement). */
export const UpdateTerms = operation('UpdateTerms', (cx, input) => {
  const row = updateTerms(cx, findTerms(cx, input.UserPoolId, input.TermsId), {
    ...(input.TermsName !== undefined && { name: input.TermsName }),
    ...(input.TermsSource !== undefined && { source: input.TermsSource }),
    ...(input.Enforcement !== undefined && { enforcement: input.Enforcement }),
    ...(input.Links !== undefined && { links: input.Links }),
  })
  return { Terms: describeTerms(row) }
})
