import { fail } from '../context.js'
import { operation } from '../define.js'
import { catchUp, MESSAGES } from '../flows/import-progress.js'
import { describeJob, findJob, jobKey } from '../resources/import-jobs.js'
import { findPool } from '../resources/user-pools.js'

/**
 * StopUserImportJob: a running job stops where the clock has brought it; the rows after are not imported and it cannot
 * be started again (Seen from Cognito: the answer already shows `Stopped` with CompletionDate and "The Import Job was
 * stopped by the developer.", CLI:stop-user-import-job; so the Stopping status is never seen here).
 */
export const StopUserImportJob = operation('StopUserImportJob', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const job = await catchUp(cx, findJob(cx, pool.pool.Id, input.JobId))
  // Chosen without evidence: the message (the evidence presumes PreconditionNotMetException for the wrong state).
  if (job.status !== 'Pending' && job.status !== 'InProgress')
    throw fail(cx, 'PreconditionNotMetException', `Import job ${job.jobId} is ${job.status} and cannot be stopped.`)
  cx.tables.importFiles.delete(jobKey(job.poolId, job.jobId))
  const stopped = cx.tables.importJobs.put({
    ...job,
    status: 'Stopped',
    completed: cx.now(),
    message: MESSAGES.stopped,
  })
  return { UserImportJob: describeJob(cx, stopped) }
})
