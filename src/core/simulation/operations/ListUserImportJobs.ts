import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { drive } from '../flows/import-driver.js'
import { catchUp } from '../flows/import-progress.js'
import { describeJob, type ImportJobRow, running } from '../resources/import-jobs.js'
import { findPool } from '../resources/user-pools.js'

/** Seen from Cognito: a response lists at most 50 jobs (the model's UserImportJobsListType), whatever MaxResults says. */
const MOST = 50

/** The pagination token after a job, in Cognito's form (Seen: `us-west-2_EXAMPLE#import-example3#1667948397084`). */
function tokenAfter(job: ImportJobRow): string {
  return `${job.poolId}#${job.jobId}#${Math.round(job.created * 1000)}`
}

/**
 * ListUserImportJobs: the pool's jobs, newest first (Seen from Cognito: "from last created to first created", DG23),
 * each brought up to the clock, a page at a time. Chosen: no jobs give no UserImportJobs member (the model's list holds
 * at least one), and a token that names no job of the pool is InvalidParameterException (the message ListUsers gives).
 */
export const ListUserImportJobs = operation('ListUserImportJobs', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const jobs = cx.tables.importJobs.children(pool.pool.Id).reverse()
  let from = 0
  if (input.PaginationToken !== undefined) {
    const at = jobs.findIndex((job) => tokenAfter(job) === input.PaginationToken)
    if (at < 0) throw invalidParameter(cx, 'Invalid pagination token.')
    from = at + 1
  }
  const size = Math.min(input.MaxResults, MOST)
  const page: ImportJobRow[] = []
  for (const job of jobs.slice(from, from + size)) page.push(await catchUp(cx, job))
  if (page.some((job) => running(job, cx.now()))) drive(cx)
  const last = page.at(-1)
  return {
    ...(page.length > 0 && { UserImportJobs: page.map((job) => describeJob(cx, job)) }),
    ...(last !== undefined && from + size < jobs.length && { PaginationToken: tokenAfter(last) }),
  }
})
