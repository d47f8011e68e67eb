import type { DeviceType } from '../../../../generated/types.js'
import { decodeToken, encodeToken } from '../../shared/text.js'
import type { Can } from '../context.js'
import { invalidParameter } from '../errors.js'
import { describeDevice, findDevice } from './devices.js'
import type { UserRow } from './users.js'

/** A page of a user's confirmed devices, in the order they were created. */
export function listDevices(
  cx: Can<'InvalidParameterException'>,
  user: UserRow,
  limit: number | undefined,
  token: string | undefined,
): { Devices: DeviceType[]; PaginationToken?: string } {
  const all = cx.tables.devices.children(`${user.poolId}/${user.key}`).filter((d) => d.verifier !== undefined)
  const start = token === undefined ? 0 : (decodeToken(token) as { from?: unknown } | undefined)?.from
  // Seen (Medium): InvalidParameterException for a token Cognito cannot use (an AWS Solutions project maps ListUsers'
  // InvalidParameterException to it). Cognito says `Paging marker <token> is invalid for request <request id>`
  // (https://github.com/aws/aws-sdk-js/issues/3705); chosen: this wording, as no request id reaches the simulation.
  if (typeof start !== 'number') throw invalidParameter(cx, 'Invalid pagination token.')
  const size = limit || 60
  const Devices = all.slice(start, start + size).map(describeDevice)
  return start + size < all.length ? { Devices, PaginationToken: encodeToken({ from: start + size }) } : { Devices }
}

/** Sets whether a user's device is remembered. */
export function setRemembered(
  cx: Can<'ResourceNotFoundException'>,
  user: UserRow,
  key: string,
  status: 'remembered' | 'not_remembered' | undefined,
): void {
  const device = findDevice(cx, user, key)
  cx.tables.devices.put({ ...device, remembered: status === 'remembered', modified: cx.now() })
}
