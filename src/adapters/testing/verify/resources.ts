import type { OperationName } from '../../../../schemas/operations.js'
import { checkValid, deviation } from './checks.js'
import type { Created } from './requests.js'
import type { Deviation } from './types.js'
import type { Answer, Wire } from './wire.js'

/** One checked call made while creating, finding or deleting the run's resources. */
export interface Step {
  readonly operation: OperationName
  readonly deviations: readonly Deviation[]
  readonly answer: Answer
}

type Record_ = Record<string, unknown>

const ok = (a: Answer) => a.status >= 200 && a.status < 300
const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record_)[k] : undefined), value)

/** Calls an operation with a valid request and checks the answer as the drawn ones are. */
export async function step(wire: Wire, operation: OperationName, input: Record_, steps: Step[]): Promise<Answer> {
  let answer: Answer
  try {
    answer = await wire.send(operation, input)
  } catch (error) {
    answer = { status: 0, text: String((error as Error).message), json: undefined, errorType: 'transport', message: '' }
    steps.push({
      operation,
      answer,
      deviations: [deviation('transport', `no answer: ${(error as Error).message}`, operation, input)],
    })
    return answer
  }
  steps.push({ operation, answer, deviations: checkValid(operation, input, answer) })
  return answer
}

/** Creates a pool, an app client, an OIDC provider, a group and a user, as far as the provider supports them. */
export async function createResources(wire: Wire, created: Created, steps: Step[]): Promise<void> {
  const pool = await step(
    wire,
    'CreateUserPool',
    {
      PoolName: created.run,
      DeletionProtection: 'INACTIVE',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    },
    steps,
  )
  if (!ok(pool)) return
  created.poolId = field(pool.json, 'UserPool', 'Id') as string | undefined
  created.poolArn = field(pool.json, 'UserPool', 'Arn') as string | undefined
  if (!created.poolId) return
  const UserPoolId = created.poolId
  const client = await step(
    wire,
    'CreateUserPoolClient',
    {
      UserPoolId,
      ClientName: 'verify-client',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
    steps,
  )
  if (ok(client)) created.clientId = field(client.json, 'UserPoolClient', 'ClientId') as string | undefined
  // Every endpoint named, so a provider that fetches discovery documents has no need to.
  const provider = await step(
    wire,
    'CreateIdentityProvider',
    {
      UserPoolId,
      ProviderName: 'VerifyOidc',
      ProviderType: 'OIDC',
      IdpIdentifiers: ['verify-idp'],
      AttributeMapping: { email: 'email' },
      ProviderDetails: {
        client_id: 'verify-client',
        client_secret: 'verify-secret',
        authorize_scopes: 'openid email',
        attributes_request_method: 'GET',
        oidc_issuer: 'https://issuer.example.com',
        authorize_url: 'https://issuer.example.com/authorize',
        token_url: 'https://issuer.example.com/token',
        attributes_url: 'https://issuer.example.com/userinfo',
        jwks_uri: 'https://issuer.example.com/jwks',
      },
    },
    steps,
  )
  if (ok(provider)) {
    created.providerName = 'VerifyOidc'
    created.identifier = 'verify-idp'
  }
  const group = await step(wire, 'CreateGroup', { UserPoolId, GroupName: 'verify-group', Precedence: 1 }, steps)
  if (ok(group)) created.groupName = 'verify-group'
  const user = await step(
    wire,
    'AdminCreateUser',
    {
      UserPoolId,
      Username: 'verify-user',
      MessageAction: 'SUPPRESS',
      TemporaryPassword: 'Verify-Passw0rd!',
      UserAttributes: [{ Name: 'email', Value: 'verify-user@example.com' }],
    },
    steps,
  )
  if (ok(user)) created.username = 'verify-user'
}

/** Every item of a listing, following its token (at most `pages` pages). */
async function listAll(
  wire: Wire,
  operation: OperationName,
  input: Record_,
  tokenIn: string,
  tokenOut: string,
  items: string,
  steps: Step[],
  pages = 100,
): Promise<unknown[] | undefined> {
  const out: unknown[] = []
  let token: unknown
  for (let page = 0; page < pages; page++) {
    const answer = await step(wire, operation, token === undefined ? input : { ...input, [tokenIn]: token }, steps)
    if (!ok(answer)) return undefined
    out.push(...((field(answer.json, items) as unknown[] | undefined) ?? []))
    token = field(answer.json, tokenOut)
    if (!token) return out
  }
  return out
}

/** Reads back what was created, by its Describe/Get operation and in its listing. */
export async function findAgain(wire: Wire, created: Created, steps: Step[]): Promise<void> {
  const UserPoolId = created.poolId
  if (!UserPoolId) return
  const expect = async (
    operation: OperationName,
    input: Record_,
    path: string[],
    value: unknown,
    what: string,
  ): Promise<void> => {
    const answer = await step(wire, operation, input, steps)
    const found = ok(answer) ? field(answer.json, ...path) : undefined
    if (found !== value)
      steps.push({
        operation,
        answer,
        deviations: [
          deviation(
            'found-again',
            `${what} was created but ${operation} ${ok(answer) ? `shows ${path.join('.')} = ${JSON.stringify(found)}, not ${JSON.stringify(value)}` : `answered ${answer.errorType}`}`,
            operation,
            input,
            answer,
          ),
        ],
      })
  }
  const inList = async (
    operation: OperationName,
    input: Record_,
    token: [string, string],
    items: string,
    key: string,
    value: string,
    what: string,
  ): Promise<void> => {
    const all = await listAll(wire, operation, input, token[0], token[1], items, steps)
    if (all && !all.some((item) => field(item, key) === value))
      steps.push({
        operation,
        answer: { status: 200, text: '', json: {}, errorType: undefined, message: undefined },
        deviations: [deviation('found-again', `${what} is missing from ${operation}`, operation, input)],
      })
  }
  await expect('DescribeUserPool', { UserPoolId }, ['UserPool', 'Name'], created.run, `pool ${UserPoolId}`)
  await inList(
    'ListUserPools',
    { MaxResults: 60 },
    ['NextToken', 'NextToken'],
    'UserPools',
    'Id',
    UserPoolId,
    `pool ${UserPoolId}`,
  )
  if (created.clientId) {
    const ClientId = created.clientId
    await expect(
      'DescribeUserPoolClient',
      { UserPoolId, ClientId },
      ['UserPoolClient', 'ClientName'],
      'verify-client',
      `client ${ClientId}`,
    )
    await inList(
      'ListUserPoolClients',
      { UserPoolId, MaxResults: 60 },
      ['NextToken', 'NextToken'],
      'UserPoolClients',
      'ClientId',
      ClientId,
      `client ${ClientId}`,
    )
  }
  if (created.providerName) {
    const ProviderName = created.providerName
    await expect(
      'DescribeIdentityProvider',
      { UserPoolId, ProviderName },
      ['IdentityProvider', 'ProviderType'],
      'OIDC',
      `provider ${ProviderName}`,
    )
    await expect(
      'GetIdentityProviderByIdentifier',
      { UserPoolId, IdpIdentifier: created.identifier },
      ['IdentityProvider', 'ProviderName'],
      ProviderName,
      `provider ${ProviderName}`,
    )
    await inList(
      'ListIdentityProviders',
      { UserPoolId, MaxResults: 60 },
      ['NextToken', 'NextToken'],
      'Providers',
      'ProviderName',
      ProviderName,
      `provider ${ProviderName}`,
    )
  }
  if (created.groupName) {
    const GroupName = created.groupName
    await expect('GetGroup', { UserPoolId, GroupName }, ['Group', 'GroupName'], GroupName, `group ${GroupName}`)
    await inList(
      'ListGroups',
      { UserPoolId, Limit: 60 },
      ['NextToken', 'NextToken'],
      'Groups',
      'GroupName',
      GroupName,
      `group ${GroupName}`,
    )
  }
  if (created.username) {
    const Username = created.username
    await expect('AdminGetUser', { UserPoolId, Username }, ['Username'], Username, `user ${Username}`)
    await inList(
      'ListUsers',
      { UserPoolId, Limit: 60 },
      ['PaginationToken', 'PaginationToken'],
      'Users',
      'Username',
      Username,
      `user ${Username}`,
    )
  }
}

/** Deletes every pool whose name starts with `prefix` (its domains first, deletion protection off); returns how many and which failed. */
export async function deletePools(wire: Wire, prefix: string): Promise<{ deleted: number; failed: string[] }> {
  const ignore: Step[] = []
  const pools =
    (await listAll(wire, 'ListUserPools', { MaxResults: 60 }, 'NextToken', 'NextToken', 'UserPools', ignore, 1000)) ??
    []
  let deleted = 0
  const failed: string[] = []
  for (const pool of pools) {
    const name = String(field(pool, 'Name') ?? '')
    const UserPoolId = field(pool, 'Id') as string | undefined
    if (!UserPoolId || !name.startsWith(prefix)) continue
    let answer = await wire.send('DeleteUserPool', { UserPoolId }).catch(() => undefined)
    if (answer && !ok(answer)) {
      // A domain or deletion protection stands in the way: take them away and try once more.
      const described = await wire.send('DescribeUserPool', { UserPoolId }).catch(() => undefined)
      for (const key of ['Domain', 'CustomDomain']) {
        const Domain = field(described?.json, 'UserPool', key)
        if (typeof Domain === 'string')
          await wire.send('DeleteUserPoolDomain', { UserPoolId, Domain }).catch(() => undefined)
      }
      if (field(described?.json, 'UserPool', 'DeletionProtection') === 'ACTIVE')
        await wire.send('UpdateUserPool', { UserPoolId, DeletionProtection: 'INACTIVE' }).catch(() => undefined)
      answer = await wire.send('DeleteUserPool', { UserPoolId }).catch(() => undefined)
    }
    if (answer && ok(answer)) deleted++
    else failed.push(`${UserPoolId} (${name}): ${answer?.errorType ?? 'no answer'} ${answer?.message ?? ''}`.trim())
  }
  return { deleted, failed }
}
