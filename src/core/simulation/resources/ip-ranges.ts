import ipaddr from 'ipaddr.js'
import type { Can } from '../context.js'
import { invalidParameter } from '../errors.js'

/**
 * Refuses IP ranges that are not CIDR blocks (seen in the model: RiskExceptionConfiguration takes IPv4 or IPv6 CIDR
 * notation). Chosen without evidence: the message.
 */
export function checkIpRanges(cx: Can<'InvalidParameterException'>, ranges: readonly string[] | undefined): void {
  for (const range of ranges ?? [])
    if (!ipaddr.isValidCIDR(range)) throw invalidParameter(cx, `Invalid IP range: ${range}`)
}

/** Whether an address lies in one of the CIDR blocks (IPv4-mapped IPv6 addresses count as their IPv4 address). */
export function inRanges(address: string | undefined, ranges: readonly string[] | undefined): boolean {
  if (address === undefined || !ranges?.length || !ipaddr.isValid(address)) return false
  const ip = ipaddr.process(address)
  return ranges.some((range) => {
    if (!ipaddr.isValidCIDR(range)) return false
    const cidr = ipaddr.parseCIDR(range)
    return ip.kind() === cidr[0].kind() && ip.match(cidr)
  })
}
