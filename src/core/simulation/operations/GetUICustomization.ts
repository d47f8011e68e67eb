import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'
import { ALL_CLIENTS, describeUiCustomization, uiCustomizationFor } from '../resources/ui-customization.js'
import { findPool } from '../resources/user-pools.js'

/**
 * GetUICustomization: the client's own customization, else the pool's (`ALL`), else an empty object (seen in the
 * model: "Returns an empty object if you haven't applied hosted UI branding to either the client or the user pool").
 */
export const GetUICustomization = operation('GetUICustomization', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const clientId =
    input.ClientId === undefined || input.ClientId === ALL_CLIENTS
      ? ALL_CLIENTS
      : findClient(cx, pool.pool.Id, input.ClientId).client.ClientId
  const row = uiCustomizationFor(cx, pool.pool.Id, clientId)
  return { UICustomization: row ? describeUiCustomization(cx, row) : {} }
})
