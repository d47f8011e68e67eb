import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../support/world.js'

const POOL = 'us-east-1_Import001'
const MFA_POOL = 'us-east-1_ImportMfa1'
const BARE_POOL = 'us-east-1_ImportNo01'
const ROLE = 'arn:aws:iam::123456789012:role/CognitoImportRole'
const w = world({
  userPools: [
    {
      PoolName: 'import',
      Id: POOL,
      AutoVerifiedAttributes: ['email'],
      Schema: [
        { Name: 'tier', AttributeDataType: 'String', Mutable: true },
        { Name: 'vip', AttributeDataType: 'Boolean', Mutable: true },
      ],
    },
    {
      PoolName: 'mfa',
      Id: MFA_POOL,
      AutoVerifiedAttributes: ['phone_number'],
      MfaConfiguration: 'ON',
      SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' },
    },
    { PoolName: 'bare', Id: BARE_POOL },
  ],
})
afterEach(() => w.reset())

type Job = Record<string, unknown> & { JobId: string; PreSignedUrl: string; Status: string }

async function header(poolId = POOL): Promise<string[]> {
  return (await w.call('GetCSVHeader', { UserPoolId: poolId })).CSVHeader as string[]
}

/** A file with the pool's header and one line per row, each row naming only the columns it sets. */
async function csv(rows: ReadonlyArray<Record<string, string>>, poolId = POOL): Promise<string> {
  const columns = await header(poolId)
  return [columns.join(','), ...rows.map((row) => columns.map((c) => row[c] ?? '').join(','))].join('\n')
}

const user = (name: string, extra: Record<string, string> = {}) => ({
  'cognito:username': name,
  'cognito:mfa_enabled': 'false',
  email: `${name.toLowerCase()}@example.com`,
  email_verified: 'TRUE',
  ...extra,
})

async function create(poolId = POOL, name = 'import'): Promise<Job> {
  const out = await w.call('CreateUserImportJob', { UserPoolId: poolId, JobName: name, CloudWatchLogsRoleArn: ROLE })
  return out.UserImportJob as Job
}

function upload(
  url: string,
  body: string,
  headers: Record<string, string> = { 'x-amz-server-side-encryption': 'aws:kms' },
) {
  return fetch(url, { method: 'PUT', headers, body })
}

async function describe_(job: Job, poolId = POOL): Promise<Job> {
  return (await w.call('DescribeUserImportJob', { UserPoolId: poolId, JobId: job.JobId })).UserImportJob as Job
}

async function startWith(text: string, poolId = POOL): Promise<Job> {
  const job = await create(poolId)
  expect((await upload(job.PreSignedUrl, text)).status).toBe(200)
  return (await w.call('StartUserImportJob', { UserPoolId: poolId, JobId: job.JobId })).UserImportJob as Job
}

describe('GetCSVHeader', () => {
  it("lists the pool's standard attributes, then cognito:mfa_enabled and cognito:username, then custom ones", async () => {
    const columns = await header()
    expect(columns.slice(0, 3)).toEqual(['name', 'given_name', 'family_name'])
    expect(columns.slice(-4)).toEqual(['cognito:mfa_enabled', 'cognito:username', 'custom:tier', 'custom:vip'])
    expect(columns).not.toContain('sub')
  })
})

describe('CreateUserImportJob', () => {
  it('creates a job in Created with a pre-signed URL of the import bucket, and no start or completion', async () => {
    const job = await create()
    expect(job).toMatchObject({
      JobName: 'import',
      UserPoolId: POOL,
      Status: 'Created',
      CloudWatchLogsRoleArn: ROLE,
      ImportedUsers: 0,
      SkippedUsers: 0,
      FailedUsers: 0,
      CreationDate: new Date(w.now()),
    })
    expect(job.JobId).toMatch(/^import-[0-9A-Za-z]{10}$/)
    expect(job).not.toHaveProperty('StartDate')
    expect(job).not.toHaveProperty('CompletionMessage')
    const url = new URL(job.PreSignedUrl)
    expect(url.host).toBe('aws-cognito-idp-user-import-iad.s3.us-east-1.amazonaws.com')
    expect(url.pathname).toBe(`/123456789012/${POOL}/${job.JobId}`)
    expect(job.PreSignedUrl).toContain('X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption')
    expect(url.searchParams.get('X-Amz-Expires')).toBe('899')
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256')
  })

  it('gives the same URL again on Describe and List', async () => {
    const job = await create()
    expect((await describe_(job)).PreSignedUrl).toBe(job.PreSignedUrl)
    const listed = await w.call('ListUserImportJobs', { UserPoolId: POOL, MaxResults: 10 })
    expect((listed.UserImportJobs as Job[])[0]!.PreSignedUrl).toBe(job.PreSignedUrl)
  })

  it('refuses a pool that does not exist', async () => {
    expect(
      await w.failure('CreateUserImportJob', {
        UserPoolId: 'us-east-1_Nope00001',
        JobName: 'x',
        CloudWatchLogsRoleArn: ROLE,
      }),
    ).toEqual({ name: 'ResourceNotFoundException', message: 'User pool us-east-1_Nope00001 does not exist.' })
  })
})

describe('the upload to the pre-signed URL', () => {
  it('is accepted with x-amz-server-side-encryption: aws:kms, with an ETag', async () => {
    const job = await create()
    const response = await upload(job.PreSignedUrl, await csv([user('Ann')]))
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/)
  })

  it('fails as S3 does without the signed encryption header (403 SignatureDoesNotMatch, XML)', async () => {
    const job = await create()
    const response = await upload(job.PreSignedUrl, 'x', {})
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toBe('application/xml')
    const text = await response.text()
    expect(text).toContain('<Code>SignatureDoesNotMatch</Code>')
    expect(text).toContain(
      '<Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>',
    )
  })

  it('fails with another signature, or for another job', async () => {
    const job = await create()
    const other = await create()
    const forged = job.PreSignedUrl.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'0'.repeat(64)}`)
    expect((await upload(forged, 'x')).status).toBe(403)
    const moved = job.PreSignedUrl.replace(job.JobId, other.JobId)
    expect(await (await upload(moved, 'x')).text()).toContain('SignatureDoesNotMatch')
  })

  it('fails once the URL has expired (15 minutes)', async () => {
    const job = await create()
    w.advance(900)
    const response = await upload(job.PreSignedUrl, 'x')
    expect(response.status).toBe(403)
    const text = await response.text()
    expect(text).toContain('<Code>AccessDenied</Code>')
    expect(text).toContain('<Message>Request has expired</Message>')
  })
})

describe('StartUserImportJob', () => {
  it('refuses a job whose file was never uploaded', async () => {
    const job = await create()
    expect(await w.failure('StartUserImportJob', { UserPoolId: POOL, JobId: job.JobId })).toEqual({
      name: 'PreconditionNotMetException',
      message: `No csv file was uploaded for ${job.JobId}`,
    })
  })

  it('refuses a pool without auto-verified attributes', async () => {
    const job = await create(BARE_POOL)
    await upload(job.PreSignedUrl, await csv([user('Ann')], BARE_POOL))
    const failure = await w.failure('StartUserImportJob', { UserPoolId: BARE_POOL, JobId: job.JobId })
    expect(failure.name).toBe('PreconditionNotMetException')
  })

  it('refuses a job that does not exist', async () => {
    const failure = await w.failure('StartUserImportJob', { UserPoolId: POOL, JobId: 'import-nothing00' })
    expect(failure).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Import job import-nothing00 does not exist.',
    })
  })
})

describe('a running import', () => {
  it('goes Pending, then InProgress with growing counts, then Succeeded, with the clock', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => user(`user${i}`))
    const started = await startWith(await csv(rows))
    expect(started).toMatchObject({ Status: 'Pending', StartDate: new Date(w.now()), ImportedUsers: 0 })
    expect(started).not.toHaveProperty('CompletionDate')
    w.advance(0.5)
    expect((await describe_(started)).Status).toBe('Pending')
    w.advance(1)
    const half = await describe_(started)
    expect(half).toMatchObject({ Status: 'InProgress', ImportedUsers: 2_500, SkippedUsers: 0, FailedUsers: 0 })
    w.advance(1)
    expect(await describe_(started)).toMatchObject({ Status: 'InProgress', ImportedUsers: 7_500 })
    w.advance(1)
    const done = await describe_(started)
    expect(done).toMatchObject({
      Status: 'Succeeded',
      ImportedUsers: 12_000,
      CompletionMessage: 'Import Job Completed Successfully.',
      CompletionDate: new Date((started.StartDate as Date).getTime() + 1_000 + 2_400),
    })
    const users = await w.call('ListUsers', { UserPoolId: POOL, Limit: 1, Filter: 'username = "user11999"' })
    expect((users.Users as Array<Record<string, unknown>>)[0]).toMatchObject({
      Username: 'user11999',
      UserStatus: 'RESET_REQUIRED',
      Enabled: true,
    })
  })

  it('imports the values: booleans, phone numbers, escaped commas, custom attributes, trimmed spaces', async () => {
    const job = await startWith(
      await csv([
        user('Ann', {
          name: 'Doe\\, Ann',
          phone_number: ' +12065551212 ',
          phone_number_verified: 'FALSE',
          'custom:tier': 'gold',
          'custom:vip': 'True',
          'cognito:mfa_enabled': 'FALSE',
        }),
      ]),
    )
    w.advance(2)
    expect((await describe_(job)).Status).toBe('Succeeded')
    const got = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'Ann' })
    expect(got.UserStatus).toBe('RESET_REQUIRED')
    const attributes = Object.fromEntries(
      (got.UserAttributes as Array<{ Name: string; Value: string }>).map((a) => [a.Name, a.Value]),
    )
    expect(attributes).toMatchObject({
      name: 'Doe, Ann',
      email: 'ann@example.com',
      email_verified: 'true',
      phone_number: '+12065551212',
      phone_number_verified: 'false',
      'custom:tier': 'gold',
      'custom:vip': 'true',
    })
    expect(attributes.sub).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('skips users that exist and fails bad rows, logging each by line number', async () => {
    await w.call('AdminCreateUser', { UserPoolId: POOL, Username: 'Taken', MessageAction: 'SUPPRESS' })
    const text = await csv([
      user('Good'),
      user('Taken'),
      user('NoVerified', { email_verified: 'false' }),
      user('Has Space'),
      user('BadMfa', { 'cognito:mfa_enabled': '' }),
      user('BadPhone', { phone_number: '12065551212' }),
      user('Good'),
      user('Fine'),
    ])
    const job = await startWith(`${text}\n`)
    w.advance(2)
    const done = await describe_(job)
    expect(done).toMatchObject({ ImportedUsers: 2, SkippedUsers: 2, FailedUsers: 4, Status: 'Failed' })
    expect(done.CompletionMessage).toBe('Too many users have failed or been skipped during the import.')
    const log = await w.simulation.importResults(POOL, job.JobId)
    expect(log).toEqual([
      '[SUCCEEDED] Line Number 2 - The import succeeded.',
      '[SKIPPED] Line Number 3 - The user already exists.',
      '[FAILED] Line Number 4 - The User Record does not set any of the auto verified attributes to verified. (Example: email_verified to true).',
      '[FAILED] Line Number 5 - The cognito:username cannot contain spaces or tabs.',
      '[FAILED] Line Number 6 - The cognito:mfa_enabled must be true or false.',
      '[FAILED] Line Number 7 - Invalid phone number format.',
      '[SKIPPED] Line Number 8 - The user already exists.',
      '[SUCCEEDED] Line Number 9 - The import succeeded.',
    ])
  })

  it('succeeds with a few bad rows among many good ones', async () => {
    const rows = [...Array.from({ length: 20 }, (_, i) => user(`u${i}`)), user('Bad', { email_verified: '' })]
    const job = await startWith(await csv(rows))
    w.advance(2)
    expect(await describe_(job)).toMatchObject({ Status: 'Succeeded', ImportedUsers: 20, FailedUsers: 1 })
    expect((await w.simulation.importResults(POOL, job.JobId)).at(-1)).toMatch(/^\[FAILED\] Line Number 22 - /)
  })

  it('requires cognito:mfa_enabled true where MFA is ON', async () => {
    const phone = (name: string, mfa: string) => ({
      'cognito:username': name,
      'cognito:mfa_enabled': mfa,
      phone_number: '+12065550100',
      phone_number_verified: 'true',
    })
    const job = await startWith(await csv([phone('On', 'true'), phone('Off', 'false')], MFA_POOL), MFA_POOL)
    w.advance(2)
    expect(await describe_(job, MFA_POOL)).toMatchObject({ ImportedUsers: 1, FailedUsers: 1 })
    expect((await w.simulation.importResults(MFA_POOL, job.JobId))[1]).toBe(
      '[FAILED] Line Number 3 - The cognito:mfa_enabled must be true: the user pool requires MFA.',
    )
  })

  it('fails the job as it leaves Pending when the header lacks a column', async () => {
    const text = (await csv([user('Ann')])).replace('nickname,', '').replace(/^([^\n]*\n)/, (h) => h)
    const lines = text.split('\n')
    const job = await startWith(lines.join('\n'))
    expect(job.Status).toBe('Pending')
    w.advance(1)
    const failed = await describe_(job)
    expect(failed).toMatchObject({
      Status: 'Failed',
      ImportedUsers: 0,
      CompletionMessage: 'The CSV header does not have the column nickname.',
    })
  })

  it('takes its columns in any order', async () => {
    const columns = (await header()).reverse()
    const row = user('Reversed')
    const text = [columns.join(','), columns.map((c) => (row as Record<string, string>)[c] ?? '').join(',')].join(
      '\r\n',
    )
    const job = await startWith(text)
    w.advance(2)
    expect(await describe_(job)).toMatchObject({ Status: 'Succeeded', ImportedUsers: 1 })
  })
})

describe('StopUserImportJob', () => {
  it('stops a running job where it is: Stopped, with the developer message, never to start again', async () => {
    const job = await startWith(await csv(Array.from({ length: 10_000 }, (_, i) => user(`s${i}`))))
    w.advance(1.2)
    const stopped = (await w.call('StopUserImportJob', { UserPoolId: POOL, JobId: job.JobId })).UserImportJob as Job
    expect(stopped).toMatchObject({
      Status: 'Stopped',
      ImportedUsers: 1_000,
      CompletionMessage: 'The Import Job was stopped by the developer.',
      CompletionDate: new Date(w.now()),
    })
    w.advance(10)
    expect(await describe_(job)).toMatchObject({ Status: 'Stopped', ImportedUsers: 1_000 })
    expect((await w.failure('StartUserImportJob', { UserPoolId: POOL, JobId: job.JobId })).name).toBe(
      'PreconditionNotMetException',
    )
    expect((await w.failure('StopUserImportJob', { UserPoolId: POOL, JobId: job.JobId })).name).toBe(
      'PreconditionNotMetException',
    )
  })

  it('refuses a job that was never started', async () => {
    const job = await create()
    expect(await w.failure('StopUserImportJob', { UserPoolId: POOL, JobId: job.JobId })).toEqual({
      name: 'PreconditionNotMetException',
      message: `Import job ${job.JobId} is Created and cannot be stopped.`,
    })
  })
})

describe('expiry', () => {
  it('expires a job not started within 24 hours: no StartDate, and it cannot start', async () => {
    const job = await create()
    await upload(job.PreSignedUrl, await csv([user('Late')]))
    w.advance(24 * 60 * 60)
    const expired = await describe_(job)
    expect(expired).toMatchObject({
      Status: 'Expired',
      CompletionMessage: 'The user import job has expired.',
      CompletionDate: new Date((job.CreationDate as Date).getTime() + 86_400_000),
    })
    expect(expired).not.toHaveProperty('StartDate')
    expect((await w.failure('StartUserImportJob', { UserPoolId: POOL, JobId: job.JobId })).message).toBe(
      `Import job ${job.JobId} is Expired and cannot be started.`,
    )
  })
})

describe('a pool with a running import', () => {
  it('refuses UpdateUserPool, AddCustomAttributes and DeleteUserPool with UserImportInProgressException', async () => {
    const job = await startWith(await csv(Array.from({ length: 5_000 }, (_, i) => user(`p${i}`))))
    for (const [operation, input] of [
      ['UpdateUserPool', { UserPoolId: POOL, AutoVerifiedAttributes: ['email'] }],
      ['AddCustomAttributes', { UserPoolId: POOL, CustomAttributes: [{ Name: 'more', AttributeDataType: 'String' }] }],
      ['DeleteUserPool', { UserPoolId: POOL }],
    ] as const)
      expect(await w.failure(operation, input)).toEqual({
        name: 'UserImportInProgressException',
        message: `A user import job is in progress for user pool ${POOL}.`,
      })
    w.advance(2)
    expect((await describe_(job)).Status).toBe('Succeeded')
    await w.call('AddCustomAttributes', {
      UserPoolId: POOL,
      CustomAttributes: [{ Name: 'more', AttributeDataType: 'String' }],
    })
  })

  it('lets no second job of the account start meanwhile', async () => {
    await startWith(await csv([user('One')]))
    const second = await create(MFA_POOL)
    await upload(second.PreSignedUrl, 'x')
    expect(await w.failure('StartUserImportJob', { UserPoolId: MFA_POOL, JobId: second.JobId })).toEqual({
      name: 'PreconditionNotMetException',
      message: 'Only one import job can be active at a time per account.',
    })
  })
})

describe('ListUserImportJobs', () => {
  it('lists newest first, a page at a time, with a token in Cognito form', async () => {
    const jobs: Job[] = []
    for (let i = 0; i < 5; i++) {
      jobs.push(await create(POOL, `job${i}`))
      w.advance(1)
    }
    const first = await w.call('ListUserImportJobs', { UserPoolId: POOL, MaxResults: 2 })
    expect((first.UserImportJobs as Job[]).map((j) => j.JobName)).toEqual(['job4', 'job3'])
    expect(first.PaginationToken).toMatch(new RegExp(`^${POOL}#${jobs[3]!.JobId}#\\d{13}$`))
    const second = await w.call('ListUserImportJobs', {
      UserPoolId: POOL,
      MaxResults: 10,
      PaginationToken: first.PaginationToken,
    })
    expect((second.UserImportJobs as Job[]).map((j) => j.JobName)).toEqual(['job2', 'job1', 'job0'])
    expect(second).not.toHaveProperty('PaginationToken')
    expect(
      (await w.failure('ListUserImportJobs', { UserPoolId: POOL, MaxResults: 2, PaginationToken: 'nope' })).name,
    ).toBe('InvalidParameterException')
  })

  it('gives no list for a pool without jobs', async () => {
    expect(await w.call('ListUserImportJobs', { UserPoolId: POOL, MaxResults: 5 })).not.toHaveProperty('UserImportJobs')
  })
})

describe('the file limits', () => {
  it('fails a row longer than 16,000 characters, passes over blank lines and keeps their numbers', async () => {
    const text = await csv([user('Short'), user('Long', { name: 'x'.repeat(16_001) }), user('After')])
    const lines = text.split('\n')
    const job = await startWith([lines[0], '', lines[1], lines[2], '   ', lines[3]].join('\n'))
    w.advance(2)
    expect(await describe_(job)).toMatchObject({ ImportedUsers: 2, FailedUsers: 1 })
    expect(await w.simulation.importResults(POOL, job.JobId)).toEqual([
      '[SUCCEEDED] Line Number 3 - The import succeeded.',
      '[FAILED] Line Number 4 - The record is longer than 16000 characters.',
      '[SUCCEEDED] Line Number 6 - The import succeeded.',
    ])
  })

  it('fails a file of more than 500,000 users as it leaves Pending', async () => {
    const columns = await header()
    const job = await startWith(`${columns.join(',')}\n${'x\n'.repeat(500_001)}`)
    w.advance(1)
    expect(await describe_(job)).toMatchObject({
      Status: 'Failed',
      ImportedUsers: 0,
      CompletionMessage: 'The CSV file has more than 500000 users.',
    })
  })

  it('fails a file with a byte order mark', async () => {
    // Sent to the simulation itself: fetch's text decoding (MSW's) drops a leading byte order mark; `serve` keeps it.
    const job = await create()
    const answer = await w.simulation.hosted({
      method: 'PUT',
      url: job.PreSignedUrl,
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      body: `\uFEFF${await csv([user('Bom')])}`,
    })
    expect(answer?.status).toBe(200)
    await w.call('StartUserImportJob', { UserPoolId: POOL, JobId: job.JobId })
    w.advance(1)
    expect((await describe_(job)).CompletionMessage).toBe('The CSV file starts with a byte order mark.')
  })
})

describe('progress depends on the clock alone', () => {
  it('gives the same counts and results whether or not the job was asked about on the way', async () => {
    const kinds = [
      (i: number) => user(`ok${i}`),
      (i: number) => user(`nv${i}`, { email_verified: 'false' }),
      () => user('dup'),
      (i: number) => user(`bad ${i}`),
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: kinds.length - 1 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 5 }),
        async (picks, pauses) => {
          const text = await csv(picks.map((k, i) => kinds[k]!(i)))
          const outcome = async (asks: readonly number[]) => {
            await w.reset()
            const job = await startWith(text)
            let waited = 0
            for (const ms of asks) {
              w.advance(ms / 1000)
              waited += ms / 1000
              await describe_(job)
            }
            w.advance(2 - waited)
            const done = await describe_(job)
            return {
              counts: [
                done.ImportedUsers,
                done.SkippedUsers,
                done.FailedUsers,
                done.Status,
                (done.CompletionDate as Date).getTime() - (done.StartDate as Date).getTime(),
              ],
              log: await w.simulation.importResults(POOL, job.JobId),
            }
          }
          const asked = await outcome(pauses.map((p) => p / 5))
          const left = await outcome([])
          expect(asked).toEqual(left)
          const [imported, skipped, failed] = left.counts as number[]
          expect(imported! + skipped! + failed!).toBe(picks.length)
          expect(left.log.map((l) => Number(/Line Number (\d+)/.exec(l)![1]))).toEqual(picks.map((_, i) => i + 2))
        },
      ),
      { numRuns: 12 },
    )
  })
})
