import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { awsEnv, hasBoto3, PYTHON, run } from '../../support/external.js'

// CI installs Debian's python3-boto3 and sets REQUIRE_AWS_CLI, so there this suite can never be skipped.
if (process.env.REQUIRE_AWS_CLI === '1' && !hasBoto3)
  throw new Error(`REQUIRE_AWS_CLI is set but ${PYTHON} has no boto3 (apt-get install python3-boto3)`)

let server: RunningCognitoServer
beforeAll(async () => {
  server = await startCognitoServer()
})
afterAll(() => server.close())

/** One Python program, as a test in another language would drive the endpoint; it prints one JSON object. */
const script = `
import json, sys, boto3, botocore.exceptions
endpoint = sys.argv[1]
idp = boto3.client("cognito-idp", region_name="ap-southeast-2", endpoint_url=endpoint)
out = {}
pool = idp.create_user_pool(PoolName="from-boto3")["UserPool"]
out["pool"] = pool["Id"]
idp.create_identity_provider(
    UserPoolId=pool["Id"], ProviderName="Corp", ProviderType="OIDC",
    ProviderDetails={"client_id": "abc", "client_secret": "def", "authorize_scopes": "openid",
                     "oidc_issuer": "https://issuer.example.com", "attributes_request_method": "GET"})
for i in range(5):
    idp.admin_create_user(UserPoolId=pool["Id"], Username=f"user{i}", MessageAction="SUPPRESS")
    idp.create_group(UserPoolId=pool["Id"], GroupName=f"group{i}")
users = [u["Username"] for page in idp.get_paginator("list_users").paginate(
    UserPoolId=pool["Id"], PaginationConfig={"PageSize": 2}) for u in page["Users"]]
groups = [g["GroupName"] for page in idp.get_paginator("list_groups").paginate(
    UserPoolId=pool["Id"], PaginationConfig={"PageSize": 2}) for g in page["Groups"]]
out["users"], out["groups"] = sorted(users), sorted(groups)
out["providers"] = [p["ProviderName"] for p in idp.list_identity_providers(UserPoolId=pool["Id"])["Providers"]]
try:
    idp.describe_user_pool(UserPoolId="ap-southeast-2_Missing1")
except botocore.exceptions.ClientError as e:
    out["error"] = [e.response["Error"]["Code"], e.response["Error"]["Message"]]
    out["caught"] = type(e).__name__
print(json.dumps(out))
`

describe.skipIf(!hasBoto3)("Debian's boto3 against the local endpoint (needs python3-boto3)", () => {
  it('creates a pool and a provider, pages through users and groups, and reads an error', async () => {
    const result = await run(PYTHON, ['-c', script, server.url], awsEnv('us-east-1'))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const out = JSON.parse(result.stdout) as Record<string, unknown>
    expect(out.pool).toMatch(/^ap-southeast-2_/)
    expect(out.users).toEqual(['user0', 'user1', 'user2', 'user3', 'user4'])
    expect(out.groups).toEqual(['group0', 'group1', 'group2', 'group3', 'group4'])
    expect(out.providers).toEqual(['Corp'])
    expect(out.error).toEqual(['ResourceNotFoundException', 'User pool ap-southeast-2_Missing1 does not exist.'])
    expect(out.caught).toBe('ResourceNotFoundException')
  })
})
