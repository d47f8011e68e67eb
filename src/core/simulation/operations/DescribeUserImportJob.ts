import { operation } from '../define.js'
import { drive } from '../flows/import-driver.js'
import { catchUp } from '../flows/import-progress.js'
import { describeJob, findJob, running } from '../resources/import-jobs.js'
import { findPool } from '../resources/user-pools.js'

/** DescribeUserImportJob: the job as the clock has brought it (Pending, then InProgress with growing counts, then done). */
export const DescribeUserImportJob = operation('DescribeUserImportJob', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const job = await catchUp(cx, findJob(cx, pool.pool.Id, input.JobId))
  if (running(job, cx.now())) drive(cx)
  return { UserImportJob: describeJob(cx, job) }
})
