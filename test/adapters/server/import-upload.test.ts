import { request as httpRequest } from 'node:http'
import { CognitoIdentityProviderClient, CreateUserImportJobCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'

let server: RunningCognitoServer
let url = ''
beforeAll(async () => {
  // A control token: the upload must not need it (the URL's signature guards it).
  server = await startCognitoServer({
    controlToken: 'control-secret',
    fixtures: { userPools: [{ PoolName: 'uploads', Id: 'us-east-1_Uploads01', AutoVerifiedAttributes: ['email'] }] },
  })
  await server.mock.ready
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  })
  const { UserImportJob } = await client.send(
    new CreateUserImportJobCommand({
      UserPoolId: 'us-east-1_Uploads01',
      JobName: 'uploads',
      CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CognitoImportRole',
    }),
  )
  url = UserImportJob!.PreSignedUrl!
})
afterAll(() => server.close())

describe("serve's upload route for user import files", () => {
  it('points the pre-signed URL at the server and takes the file without the control token', async () => {
    expect(url.startsWith(`${server.url}_cognito-idp-contract/import/123456789012/us-east-1_Uploads01/import-`)).toBe(
      true,
    )
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      body: 'x',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/)
  })

  it('refuses a URL whose signature is not the one it gave', async () => {
    const forged = url.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'1'.repeat(64)}`)
    const response = await fetch(forged, {
      method: 'PUT',
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      body: 'x',
    })
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>')
  })

  it('refuses a body said to be over 100 MiB before reading it (S3 EntityTooLarge)', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(url, {
        method: 'PUT',
        headers: { 'x-amz-server-side-encryption': 'aws:kms', 'content-length': String(100 * 1024 * 1024 + 1) },
      })
      req.on('response', (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString()
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      })
      req.on('error', reject)
      req.flushHeaders()
    })
    expect(status).toBe(400)
    expect(body).toContain('<Code>EntityTooLarge</Code>')
  })
})
