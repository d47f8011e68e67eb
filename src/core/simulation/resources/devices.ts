import type { AttributeType, DeviceType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import type { UserRow } from './users.js'

/** A device a user signed in from (created with NewDeviceMetadata, confirmed with its SRP verifier). */
export interface DeviceRow {
  readonly poolId: string
  readonly user: string
  /** `<region>_<uuid>`, as Cognito's device keys read. */
  readonly key: string
  /** The device group key: the "pool name" of the device's SRP. */
  readonly group: string
  /** The SRP verifier and salt the client computed at ConfirmDevice, hex; absent until then. */
  readonly verifier?: string | undefined
  readonly salt?: string | undefined
  readonly name?: string | undefined
  readonly remembered: boolean
  readonly created: number
  readonly modified: number
  readonly lastAuthenticated: number
}

/** Devices, by `<poolId>/<key>`, belonging to their user. */
export const devicesTable = table<DeviceRow>({
  key: (row) => `${row.poolId}/${row.key}`,
  parent: { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
})

/** The device a request names, which must be the user's. Message chosen: "Device does not exist." (ResourceNotFoundException is modelled). */
export function findDevice(cx: Can<'ResourceNotFoundException'>, user: UserRow, key: string): DeviceRow {
  const row = cx.tables.devices.get(`${user.poolId}/${key}`)
  if (!row || row.user !== user.key) throw fail(cx, 'ResourceNotFoundException', 'Device does not exist.')
  return row
}

/** The device as GetDevice and ListDevices show it. */
export function describeDevice(row: DeviceRow): DeviceType {
  const attributes: AttributeType[] = [
    { Name: 'device_status', Value: row.verifier ? 'valid' : 'invalid' },
    ...(row.name !== undefined ? [{ Name: 'device_name', Value: row.name }] : []),
    { Name: 'dev:device_remembered_status', Value: row.remembered ? 'remembered' : 'not_remembered' },
  ]
  return {
    DeviceKey: row.key,
    DeviceAttributes: attributes,
    DeviceCreateDate: row.created,
    DeviceLastModifiedDate: row.modified,
    DeviceLastAuthenticatedDate: row.lastAuthenticated,
  }
}
