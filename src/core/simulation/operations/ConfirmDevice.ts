import { bytesToHex } from '../../shared/crypto.js'
import { base64ToBytes } from '../../shared/text.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { findDevice } from '../resources/devices.js'

/**
 * ConfirmDevice: the device a sign-in handed out keeps the SRP verifier and salt its client computed, and is
 * remembered at once unless the pool remembers devices only when the user says so (then UserConfirmationNecessary).
 */
export const ConfirmDevice = operation('ConfirmDevice', async (cx, input) => {
  const { pool, user } = await signedIn(cx, input.AccessToken)
  const device = findDevice(cx, user, input.DeviceKey)
  const config = input.DeviceSecretVerifierConfig
  // Chosen wording: the model leaves the verifier optional, but a device without one cannot sign in.
  if (!config?.PasswordVerifier || !config.Salt)
    throw invalidParameter(cx, 'DeviceSecretVerifierConfig must have a PasswordVerifier and a Salt.')
  const onPrompt = pool.pool.DeviceConfiguration?.DeviceOnlyRememberedOnUserPrompt === true
  cx.tables.devices.put({
    ...device,
    verifier: bytesToHex(base64ToBytes(config.PasswordVerifier)),
    salt: bytesToHex(base64ToBytes(config.Salt)),
    ...(input.DeviceName !== undefined && { name: input.DeviceName }),
    remembered: !onPrompt,
    modified: cx.now(),
  })
  return { UserConfirmationNecessary: onPrompt }
})
