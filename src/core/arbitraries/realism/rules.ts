import fc from 'fast-check'
import { enumValues, members, type SchemaNode, shapeName } from '../../shared/walk.js'
import type { Deriver } from '../deriver.js'
import type { DeriveContext } from '../options.js'
import { arnFor } from './arns.js'
import {
  attributeMapping,
  enterpriseNames,
  idpIdentifiers,
  providerDetails,
  providerName,
} from './identity-providers.js'
import * as ids from './ids.js'

type Rule = (schema: SchemaNode, ctx: DeriveContext, d: Deriver) => fc.Arbitrary<unknown>
type Value = Record<string, unknown>

const words =
  (...list: string[]): Rule =>
  () =>
    fc.constantFrom(...list)
const arn: Rule = (_s, ctx, d) => arnFor(ctx.member, ctx.path, d.options)

/** Realistic values for string shapes, by shape name. */
const SCALAR_RULES: Record<string, Rule> = {
  UserPoolIdType: (_s, _c, d) => ids.userPoolId(d.options.region),
  ClientIdType: () => ids.clientId,
  ClientSecretType: () => ids.clientSecret,
  AWSAccountIdType: (_s, _c, d) => ids.accountId(d.options.accountId),
  ArnType: arn,
  EncryptionKeyArnType: arn,
  OptionalArnType: arn,
  S3ArnType: () => fc.constantFrom('arn:aws:s3:::cognito-user-import', 'arn:aws:s3:::example-logs-bucket'),
  S3BucketType: words('cognito-user-import', 'example-logs-bucket'),
  DeviceKeyType: (_s, _c, d) => fc.tuple(ids.region(d.options.region), ids.uuid).map(([r, u]) => `${r}_${u}`),
  EventIdType: () => ids.uuid,
  UserImportJobIdType: () => ids.importJobId,
  TokenModelType: () => ids.jwt,
  SessionType: () => ids.session,
  SecretCodeType: () => ids.totpSecret,
  UsernameType: () => fc.oneof(ids.uuid, ids.email),
  EmailAddressType: () => ids.email,
  DomainType: () => ids.charsBetween('abcdefghijklmnopqrstuvwxyz0123456789'.split(''), 6, 12).map((s) => `auth-${s}`),
  RedirectUrlType: () => ids.httpsUrl,
  LinkUrlType: () => ids.httpsUrl,
  ImageUrlType: () => ids.httpsUrl,
  PreSignedUrlType: () => ids.httpsUrl.map((u) => `${u}?X-Amz-Signature=abc123`),
  PaginationKey: () => ids.paginationToken,
  PaginationKeyType: () => ids.paginationToken,
  SearchPaginationTokenType: () => ids.paginationToken,
  ConfirmationCodeType: () => ids.confirmationCode,
  GroupNameType: words('admins', 'editors', 'viewers', 'support', 'beta-testers'),
  UserPoolNameType: words('customers', 'staff-directory', 'partner-portal', 'mobile-app-users'),
  ClientNameType: words('web-app', 'ios-app', 'android-app', 'backend-service'),
  ProviderNameType: () => enterpriseNames,
  ProviderNameTypeV2: () => enterpriseNames,
  IdpIdentifierType: words('example.com', 'corp', 'okta-prod'),
  ResourceServerIdentifierType: words('https://api.example.com', 'orders-api'),
  ScopeType: words('openid', 'email', 'profile', 'aws.cognito.signin.user.admin', 'https://api.example.com/read'),
  CustomAttributeNameType: words('tenant_id', 'plan', 'department'),
  AttributeNameType: words('email', 'phone_number', 'given_name', 'family_name', 'custom:tenant_id'),
  MessageType: words('User does not exist.', 'Rate exceeded', 'Invalid request'),
  DescriptionType: words('Created by the test suite', 'Primary sign-in'),
  TagKeysType: words('Environment', 'Team', 'CostCenter'),
  TagValueType: words('test', 'identity', 'staging'),
}

const ATTRIBUTE_VALUES: Array<[string, fc.Arbitrary<string>]> = [
  ['sub', ids.uuid],
  ['email', ids.email],
  ['email_verified', fc.constantFrom('true', 'false')],
  ['phone_number', ids.phoneNumber],
  ['phone_number_verified', fc.constantFrom('true', 'false')],
  ['given_name', fc.constantFrom('Jane', 'John', 'Maria', 'Wei', 'Noor')],
  ['family_name', fc.constantFrom('Doe', 'Smith', 'Garcia', 'Li', 'Haddad')],
  ['locale', fc.constantFrom('en-US', 'de-DE', 'ja-JP')],
  ['custom:tenant_id', ids.uuid],
]

/** Attributes whose value fits their name: `sub` a UUID, `email` an address, `phone_number` E.164. */
const attribute: Rule = (schema, ctx, d) => {
  const pair = fc.oneof(...ATTRIBUTE_VALUES.map(([name, value]) => fc.tuple(fc.constant(name), value)))
  return fc.tuple(d.generic(schema, ctx), pair).map(([value, [name, v]]) => {
    const out: Value = { ...(value as Value) }
    if (d.overrides([...ctx.path, 'Name']) || d.overrides([...ctx.path, 'Value'])) return out
    out['Name'] = name
    if ('Value' in out) out['Value'] = v
    return out
  })
}

function typesOf(schema: SchemaNode): string[] {
  const member = members(schema).find(([name]) => name === 'ProviderType')
  return (member && enumValues(member[1])) ?? ['OIDC']
}

/** Identity providers whose name, details, mapping and identifiers fit their `ProviderType`. */
const identityProvider: Rule = (schema, ctx, d) => {
  const types = typesOf(schema)
  const perType = fc.tuple(
    ...types.map((t) =>
      fc.record({
        name: providerName(t),
        details: providerDetails(t),
        mapping: attributeMapping(t),
        identifiers: idpIdentifiers,
      }),
    ),
  )
  return fc.tuple(d.generic(schema, ctx), fc.constantFrom(...types), perType).map(([value, drawnType, patches]) => {
    const out: Value = { ...(value as Value) }
    const type = typeof out['ProviderType'] === 'string' ? (out['ProviderType'] as string) : drawnType
    const patch = patches[types.indexOf(type)] ?? patches[0]!
    const set = (member: string, v: unknown): void => {
      if (member in out && !d.overrides([...ctx.path, member])) out[member] = v
    }
    set('ProviderType', type)
    set('ProviderName', patch.name)
    set('ProviderDetails', patch.details)
    set('AttributeMapping', patch.mapping)
    set('IdpIdentifiers', type === 'SAML' || type === 'OIDC' ? patch.identifiers : [])
    return out
  })
}

/** A user pool's `Arn` names its own `Id`. */
const userPool: Rule = (schema, ctx, d) =>
  fc.tuple(d.generic(schema, ctx), ids.accountId(d.options.accountId)).map(([value, account]) => {
    const out: Value = { ...(value as Value) }
    if (typeof out['Id'] === 'string' && 'Arn' in out && !d.overrides([...ctx.path, 'Arn']))
      out['Arn'] = ids.userPoolArn(out['Id'], account)
    return out
  })

const STRUCTURE_RULES: Record<string, Rule> = {
  AttributeType: attribute,
  IdentityProviderType: identityProvider,
  CreateIdentityProviderRequest: identityProvider,
  UpdateIdentityProviderRequest: identityProvider,
  ProviderDescription: identityProvider,
  UserPoolType: userPool,
  AttributeMappingType: () => fc.constantFrom({ email: 'email' }, { email: 'email', username: 'sub' }),
  UserPoolTagsType: () => fc.constantFrom({ Environment: 'test' }, { Environment: 'staging', Team: 'identity' }),
}

const MEMBER_RULES: Array<[RegExp, fc.Arbitrary<string>]> = [
  [/^(UserSub|Sub)$/, ids.uuid],
  [/^(Email|EmailAddress)$/, ids.email],
  [/^(PhoneNumber)$/, ids.phoneNumber],
  [/(Url|URL|Uri|URI)$/, ids.httpsUrl],
  [/^From$/, fc.constant('Example Corp <no-reply@example.com>')],
]

/** A realistic arbitrary for this schema at this position, or undefined where the generic one is as good. */
export function realisticArbitrary(
  schema: SchemaNode,
  ctx: DeriveContext,
  d: Deriver,
): fc.Arbitrary<unknown> | undefined {
  const name = shapeName(schema)
  const rule = name ? (SCALAR_RULES[name] ?? STRUCTURE_RULES[name]) : undefined
  if (rule) return rule(schema, ctx, d)
  if (schema['type'] !== 'string' || schema['x-aws-blob'] || schema['anyOf'] || !ctx.member) return undefined
  return MEMBER_RULES.find(([pattern]) => pattern.test(ctx.member!))?.[1]
}
