import { fail } from '../context.js'
import { operation } from '../define.js'
import { describeJob, type ImportJobRow, MAX_JOBS_PER_POOL } from '../resources/import-jobs.js'
import { findPool } from '../resources/user-pools.js'

/**
 * CreateUserImportJob: a job in Created status with its pre-signed upload URL, no counts yet and no start, completion
 * or message (Seen from Cognito: CLI:create-user-import-job; a job id looks like `import-qQ0DCt2fRh`). The URL points
 * at S3's import bucket, or at the local endpoint the call was sent to (chosen: `serve` answers the upload itself).
 */
export const CreateUserImportJob = operation('CreateUserImportJob', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  // Seen from Cognito: 1,000 import jobs per pool (DG23:limits). Chosen without evidence: the message.
  if (cx.tables.importJobs.count(pool.pool.Id) >= MAX_JOBS_PER_POOL)
    throw fail(cx, 'LimitExceededException', `The user pool ${pool.pool.Id} has reached its limit of 1000 import jobs.`)
  const job: ImportJobRow = {
    poolId: pool.pool.Id,
    jobId: `import-${cx.ids.chars(10)}`,
    name: input.JobName,
    roleArn: input.CloudWatchLogsRoleArn,
    // Chosen without evidence: the algorithm is kept and echoed; no file column for hashes is known, so imported users
    // reset their passwords all the same (an open question of the evidence).
    ...(input.PasswordHashingAlgorithm !== undefined && { hashing: input.PasswordHashingAlgorithm }),
    account: cx.account,
    region: cx.region,
    ...(cx.endpoint !== undefined && { endpoint: cx.endpoint }),
    created: cx.now(),
    status: 'Created',
    imported: 0,
    skipped: 0,
    failed: 0,
    done: 0,
    offset: 0,
    line: 1,
    chunks: 0,
  }
  cx.tables.importJobs.insert(job)
  return { UserImportJob: describeJob(cx, job) }
})
