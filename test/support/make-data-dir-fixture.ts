// Writes a data directory, then a fixture of it: `tsx test/support/make-data-dir-fixture.ts <dir> <fixture.json>` (its
// files' text, byte for byte, and what its state reads back as). test/support/data-dir-v1.json was made so by the code
// of commit 2fa4b90 (data format 1: state.json and changes.log), so that every later format is tested to open what
// that one wrote. Run it again only to make a fixture of a new format, into a new file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { startCognitoServer } from '../../src/adapters/server/index.js'

const [dir, out] = process.argv.slice(2)
if (!dir || !out) throw new Error('usage: make-data-dir-fixture.ts <dir> <fixture.json>')
const client = (url: string, region = 'us-west-2') =>
  new CognitoIdentityProviderClient({
    region,
    endpoint: url,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  })

// First start: everything here ends in state.json when the directory is next opened.
let server = await startCognitoServer({ data: dir })
let c = client(server.url)
const pool = (await c.send(new CreateUserPoolCommand({ PoolName: 'kept', UsernameAttributes: ['email'] }))).UserPool!
const appClient = (
  await c.send(
    new CreateUserPoolClientCommand({
      UserPoolId: pool.Id!,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
).UserPoolClient!
for (const name of ['jane', 'john', 'gone']) {
  await c.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.Id!,
      Username: `${name}@example.com`,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'name', Value: `${name} ü` }],
    }),
  )
  await c.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: pool.Id!,
      Username: `${name}@example.com`,
      Password: 'Correct-Horse-1',
      Permanent: true,
    }),
  )
}
await c.send(new CreateGroupCommand({ UserPoolId: pool.Id!, GroupName: 'admins', Precedence: 1 }))
await client(server.url, 'eu-west-1').send(new CreateUserPoolCommand({ PoolName: 'elsewhere' }))
await server.close()

// Second start: state.json is written whole; what follows is in changes.log only.
server = await startCognitoServer({ data: dir })
c = client(server.url)
await c.send(
  new AdminAddUserToGroupCommand({ UserPoolId: pool.Id!, Username: 'jane@example.com', GroupName: 'admins' }),
)
await c.send(
  new AdminUpdateUserAttributesCommand({
    UserPoolId: pool.Id!,
    Username: 'john@example.com',
    UserAttributes: [{ Name: 'name', Value: 'John "quoted"\n' }],
  }),
)
await c.send(new AdminDisableUserCommand({ UserPoolId: pool.Id!, Username: 'john@example.com' }))
await c.send(new AdminDeleteUserCommand({ UserPoolId: pool.Id!, Username: 'gone@example.com' }))
const signIn = await c.send(
  new InitiateAuthCommand({
    ClientId: appClient.ClientId!,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'jane@example.com', PASSWORD: 'Correct-Horse-1' },
  }),
)
const snapshot = await (
  await fetch(new URL('_cognito-idp-contract/snapshot', server.url), { headers: { 'x-cognito-idp-contract': '1' } })
).json()
await server.close()
writeFileSync(
  out,
  `${JSON.stringify(
    {
      files: Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')])),
      poolId: pool.Id,
      clientId: appClient.ClientId,
      password: 'Correct-Horse-1',
      refreshToken: signIn.AuthenticationResult!.RefreshToken,
      snapshot,
    },
    null,
    2,
  )}\n`,
)
