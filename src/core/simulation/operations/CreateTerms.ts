import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'
import { createTerms, describeTerms } from '../resources/terms.js'

/** CreateTerms: one terms document (terms-of-use or privacy-policy) for an app client, its links by language. */
export const CreateTerms = operation('CreateTerms', (cx, input) => {
  // Seen in the model: the client "Must be an app client in the requested user pool". The terms operations model no
  // FeatureUnavailableInTierException, so no feature plan is checked. Chosen without evidence: no domain or managed
  // login branding is needed to keep terms (they only show once the client's pages exist).
  const client = findClient(cx, input.UserPoolId, input.ClientId)
  const row = createTerms(cx, client, {
    name: input.TermsName,
    source: input.TermsSource,
    enforcement: input.Enforcement,
    links: input.Links,
  })
  return { Terms: describeTerms(row) }
})
