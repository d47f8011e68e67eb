import type { CustomDomainConfigType, DomainDescriptionType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'

/** A pool's domain: a prefix (`<prefix>.auth.<region>.amazoncognito.com`) or a custom one with its certificate. */
export interface DomainRow {
  readonly domain: string
  readonly poolId: string
  readonly account: string
  readonly custom?: CustomDomainConfigType | undefined
  readonly managedLoginVersion: number
  /** The CloudFront distribution a custom domain's DNS points at. */
  readonly cloudFront: string
  readonly version: string
}

/** Domains, by name, belonging to their pool; a pool has at most one prefix and one custom domain. */
export const domainsTable = table<DomainRow>({
  key: (row) => row.domain,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** The host a domain answers on: the prefix domain's regional host, or the custom domain itself. */
export function domainHost(row: DomainRow, region: string): string {
  return row.custom ? row.domain : `${row.domain}.auth.${region}.amazoncognito.com`
}

/** The pool's prefix and custom domains, by kind. */
export function domainsOf(cx: Can<never>, poolId: string): { prefix?: DomainRow; custom?: DomainRow } {
  const out: { prefix?: DomainRow; custom?: DomainRow } = {}
  for (const row of cx.tables.domains.children(poolId)) {
    if (row.custom) out.custom = row
    else out.prefix = row
  }
  return out
}

/**
 * Checks a new domain: free in this region ("Domain already associated with another user pool.", seen from
 * Cognito in CloudFormation and Terraform reports) and the pool's first of its kind ("User pool already has a domain
 * configured.", seen, Medium-High: https://github.com/aws/aws-cdk/issues/10062 as an AWS sample quotes it, and client
 * code matching it on InvalidParameterException). A prefix is taken
 * by any account's pool in the region (seen: aws-samples/websocket-chat-application#56, "Cognito domain names need to
 * be unique in a given region"); a custom domain, a DNS name, by any pool anywhere (chosen).
 */
export function checkNewDomain(
  cx: Can<'InvalidParameterException'>,
  poolId: string,
  domain: string,
  custom: boolean,
): void {
  const taken = cx.store.occupied().some((p) => (custom || p.region === cx.region) && p.tables.domains.has(domain))
  if (taken) throw invalidParameter(cx, 'Domain already associated with another user pool.')
  const existing = domainsOf(cx, poolId)
  if (custom ? existing.custom : existing.prefix)
    throw invalidParameter(cx, 'User pool already has a domain configured.')
  // Seen from Cognito (Terraform report): a prefix domain's own wording of the model's pattern.
  if (!custom && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(domain))
    throw invalidParameter(
      cx,
      'The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$',
    )
}

/** The domain of a pool, or ResourceNotFoundException (message chosen). */
export function findDomain(cx: Can<'ResourceNotFoundException'>, poolId: string, domain: string): DomainRow {
  const row = cx.tables.domains.get(domain)
  if (!row || row.poolId !== poolId)
    throw fail(cx, 'ResourceNotFoundException', `Domain ${domain} does not exist in user pool ${poolId}.`)
  return row
}

/** The domain as DescribeUserPoolDomain returns it (a new domain is ACTIVE at once in the simulation: chosen). */
export function describeDomain(row: DomainRow): DomainDescriptionType {
  return {
    UserPoolId: row.poolId,
    AWSAccountId: row.account,
    Domain: row.domain,
    S3Bucket: 'aws-cognito-prod-auth-assets',
    CloudFrontDistribution: row.cloudFront,
    Version: row.version,
    Status: 'ACTIVE',
    ...(row.custom && { CustomDomainConfig: row.custom }),
    ManagedLoginVersion: row.managedLoginVersion,
  }
}
