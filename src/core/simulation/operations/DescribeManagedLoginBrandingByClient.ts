import { fail } from '../context.js'
import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'
import { brandingOfClient, describeBranding } from '../resources/managed-login-branding.js'

/** DescribeManagedLoginBrandingByClient: the style of an app client. */
export const DescribeManagedLoginBrandingByClient = operation('DescribeManagedLoginBrandingByClient', (cx, input) => {
  const client = findClient(cx, input.UserPoolId, input.ClientId)
  const row = brandingOfClient(cx, client.client.ClientId)
  // Chosen without evidence: a client without a style is ResourceNotFoundException (modelled), message ours.
  if (!row)
    throw fail(cx, 'ResourceNotFoundException', `App client ${input.ClientId} has no managed login branding style.`)
  return { ManagedLoginBranding: describeBranding(row, input.ReturnMergedResources === true) }
})
