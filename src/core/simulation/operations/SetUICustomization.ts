import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'
import {
  ALL_CLIENTS,
  checkUiCustomization,
  describeUiCustomization,
  keepUiCustomization,
} from '../resources/ui-customization.js'
import { findPool } from '../resources/user-pools.js'

/**
 * SetUICustomization: the classic hosted UI's CSS and logo for a client, or for every client without its own (`ALL`).
 * Chosen without evidence: no ClientId is the same as `ALL`.
 */
export const SetUICustomization = operation('SetUICustomization', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const clientId =
    input.ClientId === undefined || input.ClientId === ALL_CLIENTS
      ? ALL_CLIENTS
      : findClient(cx, pool.pool.Id, input.ClientId).client.ClientId
  checkUiCustomization(cx, pool.pool.Id, input.CSS, input.ImageFile)
  const row = keepUiCustomization(cx, pool.pool.Id, clientId, input.CSS, input.ImageFile)
  return { UICustomization: describeUiCustomization(cx, row) }
})
