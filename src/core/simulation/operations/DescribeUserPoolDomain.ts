import { operation } from '../define.js'
import { describeDomain } from '../resources/domains.js'

/** DescribeUserPoolDomain: the domain, or an empty description for a domain no pool has (seen from Cognito: no error). */
export const DescribeUserPoolDomain = operation('DescribeUserPoolDomain', (cx, input) => {
  const row = cx.tables.domains.get(input.Domain)
  return { DomainDescription: row ? describeDomain(row) : {} }
})
