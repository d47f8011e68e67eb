import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Amplify } from 'aws-amplify'
import { confirmResetPassword, resetPassword, signIn, signOut } from 'aws-amplify/auth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { AWS_CLI, awsEnv, hasAwsCli, run } from '../../support/external.js'

// CI installs Debian's awscli and sets REQUIRE_AWS_CLI, so there this suite can never be skipped.
const required = process.env.REQUIRE_AWS_CLI === '1'
if (required && !hasAwsCli) throw new Error(`REQUIRE_AWS_CLI is set but ${AWS_CLI} is missing (apt-get install awscli)`)

const CURL = '/usr/bin/curl'
const REGION = 'eu-west-1'
const ROLE = 'arn:aws:iam::123456789012:role/CognitoImportRole'
const USERS = 10_000

let server: RunningCognitoServer
let dir: string
beforeAll(async () => {
  server = await startCognitoServer()
  dir = mkdtempSync(join(tmpdir(), 'import-'))
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

// biome-ignore lint/suspicious/noExplicitAny: the CLI's JSON output, read as the test expects it
const aws = async (...args: string[]): Promise<Record<string, any>> => {
  const result = await run(
    AWS_CLI,
    ['cognito-idp', ...args, '--endpoint-url', server.url, '--output', 'json'],
    awsEnv(REGION),
  )
  if (result.status !== 0) throw new Error(`aws ${args[0]} failed: ${result.stderr}`)
  return JSON.parse(result.stdout)
}

/** `curl --upload-file`, as the developer guide uploads the file; answers the status and body. */
const curl = async (file: string, url: string, ...headers: string[]) => {
  const args = [
    '-sS',
    '-o',
    '-',
    '-w',
    '\n%{http_code}',
    '--upload-file',
    file,
    ...headers.flatMap((h) => ['-H', h]),
    url,
  ]
  const result = await run(CURL, args, { PATH: process.env.PATH })
  const at = result.stdout.lastIndexOf('\n')
  return { status: Number(result.stdout.slice(at + 1)), body: result.stdout.slice(0, at) }
}

describe.skipIf(!hasAwsCli)("a user import through Debian's AWS CLI, curl --upload-file and serve", () => {
  let poolId = ''
  let clientId = ''
  let jobId = ''
  let url = ''

  it('creates a pool and gets its CSV header', async () => {
    poolId = (await aws('create-user-pool', '--pool-name', 'imported', '--auto-verified-attributes', 'email')).UserPool
      .Id
    clientId = (
      await aws(
        'create-user-pool-client',
        '--user-pool-id',
        poolId,
        '--client-name',
        'web',
        '--explicit-auth-flows',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      )
    ).UserPoolClient.ClientId
    const header = (await aws('get-csv-header', '--user-pool-id', poolId)).CSVHeader as string[]
    expect(header.slice(-2)).toEqual(['cognito:mfa_enabled', 'cognito:username'])
    const rows = Array.from({ length: USERS }, (_, i) =>
      header
        .map((column) =>
          column === 'cognito:username'
            ? `user${i}`
            : column === 'email'
              ? `user${i}@example.com`
              : column === 'email_verified'
                ? 'TRUE'
                : column === 'cognito:mfa_enabled'
                  ? 'FALSE'
                  : column === 'name'
                    ? `User\\, number ${i}`
                    : '',
        )
        .join(','),
    )
    writeFileSync(join(dir, 'users.csv'), `${[header.join(','), ...rows].join('\n')}\n`)
  })

  it('creates a job whose pre-signed URL points at the server itself', async () => {
    const job = (
      await aws(
        'create-user-import-job',
        '--user-pool-id',
        poolId,
        '--job-name',
        'ten-thousand',
        '--cloud-watch-logs-role-arn',
        ROLE,
      )
    ).UserImportJob
    expect(job).toMatchObject({ Status: 'Created', ImportedUsers: 0 })
    jobId = job.JobId
    url = job.PreSignedUrl
    expect(url.startsWith(`${server.url}_cognito-idp-contract/import/`)).toBe(true)
    expect(url).toContain('X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption')
  })

  it('refuses the upload without x-amz-server-side-encryption, as S3 does', async () => {
    const refused = await curl(join(dir, 'users.csv'), url)
    expect(refused.status).toBe(403)
    expect(refused.body).toContain('<Code>SignatureDoesNotMatch</Code>')
  })

  it('refuses the upload from a page of another site', async () => {
    const refused = await curl(
      join(dir, 'users.csv'),
      url,
      'x-amz-server-side-encryption:aws:kms',
      'Origin: https://evil.example',
    )
    expect(refused.status).toBe(403)
  })

  it('takes the upload with the header, then imports every user as the clock passes', async () => {
    const uploaded = await curl(join(dir, 'users.csv'), url, 'x-amz-server-side-encryption:aws:kms')
    expect(uploaded.status).toBe(200)
    const started = (await aws('start-user-import-job', '--user-pool-id', poolId, '--job-id', jobId)).UserImportJob
    expect(started.Status).toBe('Pending')
    let job = started
    const seen = new Set<string>()
    while (job.Status === 'Pending' || job.Status === 'InProgress') {
      seen.add(job.Status)
      job = (await aws('describe-user-import-job', '--user-pool-id', poolId, '--job-id', jobId)).UserImportJob
    }
    expect(job).toMatchObject({
      Status: 'Succeeded',
      ImportedUsers: USERS,
      SkippedUsers: 0,
      FailedUsers: 0,
      CompletionMessage: 'Import Job Completed Successfully.',
    })
    expect(seen.has('Pending')).toBe(true)
    const log = await server.mock.simulation.importResults(poolId, jobId)
    expect(log).toHaveLength(USERS)
    expect(log.at(-1)).toBe(`[SUCCEEDED] Line Number ${USERS + 1} - The import succeeded.`)
    const listed = (await aws('list-user-import-jobs', '--user-pool-id', poolId, '--max-results', '5')).UserImportJobs
    expect(listed[0]).toMatchObject({ JobId: jobId, Status: 'Succeeded' })
  })

  it('lets an imported user reset the password with Amplify, then sign in', async () => {
    const user = await aws('admin-get-user', '--user-pool-id', poolId, '--username', 'user9999')
    expect(user.UserStatus).toBe('RESET_REQUIRED')
    expect(user.UserAttributes).toContainEqual({ Name: 'name', Value: 'User, number 9999' })
    Amplify.configure({
      Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.url } },
    })
    const refused = await signIn({ username: 'user9999', password: 'Whatever-1' })
    expect(refused.nextStep.signInStep).toBe('RESET_PASSWORD')
    const reset = await resetPassword({ username: 'user9999' })
    expect(reset.nextStep).toMatchObject({
      resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
      codeDeliveryDetails: { deliveryMedium: 'EMAIL' },
    })
    const code = server.mock.lastCode({ destination: 'user9999@example.com' })!
    await confirmResetPassword({ username: 'user9999', confirmationCode: code, newPassword: 'Imported-Pass-1' })
    const signedIn = await signIn({ username: 'user9999', password: 'Imported-Pass-1' })
    expect(signedIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    await signOut()
  })
})
