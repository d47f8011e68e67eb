import fc from 'fast-check'
import type { ResolvedOptions } from '../options.js'
import { accountId, chars, region, userPoolArn, userPoolId, uuid } from './ids.js'

const LAMBDA_TRIGGERS = new Set([
  'PreSignUp',
  'CustomMessage',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'DefineAuthChallenge',
  'CreateAuthChallenge',
  'VerifyAuthChallengeResponse',
  'PreTokenGeneration',
  'UserMigration',
  'LambdaArn',
  'CustomSMSSender',
  'CustomEmailSender',
])
const NAMES = ['cognito-trigger', 'auth-handler', 'user-sync', 'token-enricher']
const HEX = '0123456789abcdef'.split('')

/** An ARN that fits the member it fills: Lambda triggers, IAM roles, SES identities, KMS keys, log groups, user pools. */
export function arnFor(
  member: string | undefined,
  path: readonly string[],
  options: ResolvedOptions,
): fc.Arbitrary<string> {
  const where = fc.tuple(region(options.region), accountId(options.accountId), fc.constantFrom(...NAMES))
  const name = member ?? ''
  if (LAMBDA_TRIGGERS.has(name) || path.includes('LambdaConfig'))
    return where.map(([r, a, n]) => `arn:aws:lambda:${r}:${a}:function:${n}`)
  if (name === 'SourceArn') return where.map(([r, a]) => `arn:aws:ses:${r}:${a}:identity/example.com`)
  if (/^(KMSKeyID|KmsKeyId|KeyId)$/.test(name))
    return fc.tuple(where, uuid).map(([[r, a], id]) => `arn:aws:kms:${r}:${a}:key/${id}`)
  if (name === 'LogGroupArn')
    return where.map(([r, a]) => `arn:aws:logs:${r}:${a}:log-group:/aws/cognito/userpool-logs`)
  if (name === 'ApplicationArn')
    return fc.tuple(where, chars(HEX, 32)).map(([[r, a], id]) => `arn:aws:mobiletargeting:${r}:${a}:apps/${id}`)
  if (name === 'StreamArn') return where.map(([r, a, n]) => `arn:aws:firehose:${r}:${a}:deliverystream/${n}`)
  if (name === 'CertificateArn')
    return fc.tuple(accountId(options.accountId), uuid).map(([a, id]) => `arn:aws:acm:us-east-1:${a}:certificate/${id}`)
  if (name === 'Arn' || name === 'ResourceArn')
    return fc.tuple(userPoolId(options.region), accountId(options.accountId)).map(([id, a]) => userPoolArn(id, a))
  return where.map(([, a, n]) => `arn:aws:iam::${a}:role/service-role/${n}`)
}
