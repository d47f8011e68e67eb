import { fail } from '../context.js'
import { operation } from '../define.js'
import { drive } from '../flows/import-driver.js'
import { catchUp } from '../flows/import-progress.js'
import {
  countLines,
  csvColumns,
  csvParser,
  fileProblem,
  headerProblem,
  MAX_ROWS,
  parseLines,
  takeLines,
} from '../resources/import-csv.js'
import { describeJob, findJob, jobKey, running } from '../resources/import-jobs.js'
import { findPool } from '../resources/user-pools.js'

/**
 * StartUserImportJob: a Created job with its file goes Pending with its StartDate (Seen from Cognito: the answer shows
 * `Pending`, CLI:start-user-import-job), then imports as the clock passes. Its file's header is read now; a file that
 * cannot be imported (a bad header, more than 500,000 rows) fails the job as it leaves Pending, as Cognito fails a job
 * whose file it cannot parse (DG23).
 */
export const StartUserImportJob = operation('StartUserImportJob', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const job = await catchUp(cx, findJob(cx, pool.pool.Id, input.JobId))
  // Chosen without evidence: the message (a started, stopped, ended or expired job cannot start: DG23).
  if (job.status !== 'Created')
    throw fail(cx, 'PreconditionNotMetException', `Import job ${job.jobId} is ${job.status} and cannot be started.`)
  const file = cx.tables.importFiles.get(jobKey(job.poolId, job.jobId))
  // Seen from Cognito: "No csv file was uploaded for import-9sHxosU7BP" (aws-amplify/amplify-js#6416).
  if (!file) throw fail(cx, 'PreconditionNotMetException', `No csv file was uploaded for ${job.jobId}`)
  // Seen from Cognito: "If the user pool has no auto-verified attributes, the import job will not start." (DG23).
  // Chosen without evidence: the message.
  if ((pool.pool.AutoVerifiedAttributes ?? []).length === 0)
    throw fail(
      cx,
      'PreconditionNotMetException',
      `User pool ${pool.pool.Id} has no auto-verified attributes, so an import job cannot start.`,
    )
  // Seen from Cognito (Medium, 2023 text): "Only one import job can be active at a time per account." (DG23).
  // Chosen without evidence: the message.
  const now = cx.now()
  for (const partition of cx.store.occupied())
    if (partition.account === cx.account && partition.tables.importJobs.all().some((other) => running(other, now)))
      throw fail(cx, 'PreconditionNotMetException', 'Only one import job can be active at a time per account.')
  const parse = await csvParser()
  const { lines, next } = takeLines(file.text, { offset: 0, line: 1 }, 1)
  const header = parseLines(parse, lines)[0]
  const rows = countLines(file.text, next)
  const problem =
    fileProblem(file.text) ??
    headerProblem(header, csvColumns(pool)) ??
    // Chosen without evidence: the message.
    (rows > MAX_ROWS ? `The CSV file has more than ${MAX_ROWS} users.` : undefined)
  const started = cx.tables.importJobs.put({
    ...job,
    status: 'Pending',
    started: now,
    rows: problem ? 0 : rows,
    ...(header && { header }),
    ...(problem !== undefined && { verdict: { message: problem } }),
    offset: next.offset,
    line: next.line,
  })
  drive(cx)
  return { UserImportJob: describeJob(cx, started) }
})
