import type {
  PasswordHashingAlgorithmType,
  UserImportJobStatusType,
  UserImportJobType,
} from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { importUrl } from './import-url.js'

/**
 * Chosen without evidence: how fast a started job imports, so a test sees it go Pending, then InProgress with growing
 * counts, then done. A job stays Pending this many seconds after StartUserImportJob…
 */
export const PENDING_SECONDS = 1
/** …then imports this many rows a second (a 10,000-row file takes two seconds), as a function of the clock alone. */
export const ROWS_PER_SECOND = 5_000
/**
 * A job not started within this many seconds of its creation expires (Seen from Cognito: "did not start the job
 * within 24-48 hours", DG23:cognito-user-pools-creating-import-job; the CLI's list-user-import-jobs example expired
 * 24.5 hours after creation). Chosen: 24 hours exactly.
 */
export const EXPIRY_SECONDS = 24 * 60 * 60
/** Seen from Cognito: "1,000 import jobs per pool" (DG23:limits). */
export const MAX_JOBS_PER_POOL = 1_000

/** Why a started job will fail as it leaves Pending (the file could not be read), and the message it fails with. */
export interface ImportVerdict {
  readonly message: string
}

/** A user import job as the simulation keeps it. */
export interface ImportJobRow {
  readonly poolId: string
  readonly jobId: string
  readonly name: string
  readonly roleArn: string
  readonly hashing?: PasswordHashingAlgorithmType | undefined
  /** The account and region whose S3 bucket (or local server) the pre-signed URL names. */
  readonly account: string
  readonly region: string
  /** The origin of a local endpoint the job was created through (`serve`): the URL points at it instead of S3. */
  readonly endpoint?: string | undefined
  readonly created: number
  /** The stored status: Created, Pending (then InProgress as the clock says), Stopped, Succeeded, Failed or Expired. */
  readonly status: UserImportJobStatusType
  readonly started?: number | undefined
  readonly completed?: number | undefined
  readonly message?: string | undefined
  readonly imported: number
  readonly skipped: number
  readonly failed: number
  /** Whether a file was uploaded to the URL (its size in bytes). */
  readonly uploadedBytes?: number | undefined
  /** Set at start: the file's user rows (its non-empty lines after the header). */
  readonly rows?: number | undefined
  /** Set at start when the file cannot be imported at all: the job fails as it leaves Pending. */
  readonly verdict?: ImportVerdict | undefined
  /** How many user rows were processed, where the next one starts in the file, and its line number. */
  readonly done: number
  readonly offset: number
  readonly line: number
  /** The file's columns, in its order (read at start). */
  readonly header?: readonly string[] | undefined
  /** How many chunks of per-row results were written. */
  readonly chunks: number
}

/** An uploaded file, kept until its job ends (Cognito deletes a job's data then; chosen for every ending). */
export interface ImportFileRow {
  readonly poolId: string
  readonly jobId: string
  readonly text: string
}

/** One chunk of a job's per-row results, as CloudWatch would hold them (`[SUCCEEDED] Line Number 2 - …`). */
export interface ImportLogRow {
  readonly poolId: string
  readonly jobId: string
  readonly chunk: number
  readonly lines: readonly string[]
}

/** The key of a job: `<poolId>/<jobId>`. */
export function jobKey(poolId: string, jobId: string): string {
  return `${poolId}/${jobId}`
}

/** Import jobs, by pool and id, belonging to their pool. */
export const importJobsTable = table<ImportJobRow>({
  key: (row) => jobKey(row.poolId, row.jobId),
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** Uploaded files, one per job, belonging to their job. */
export const importFilesTable = table<ImportFileRow>({
  key: (row) => jobKey(row.poolId, row.jobId),
  parent: { table: 'importJobs', key: (row) => jobKey(row.poolId, row.jobId) },
})

/** Per-row results, in chunks, belonging to their job. */
export const importLogsTable = table<ImportLogRow>({
  key: (row) => `${jobKey(row.poolId, row.jobId)}/${row.chunk}`,
  parent: { table: 'importJobs', key: (row) => jobKey(row.poolId, row.jobId) },
})

/**
 * The job, or ResourceNotFoundException. Chosen without evidence: the message, in the form of Cognito's other
 * not-found messages ("User pool <id> does not exist.").
 */
export function findJob(cx: Can<'ResourceNotFoundException'>, poolId: string, jobId: string): ImportJobRow {
  const job = cx.tables.importJobs.get(jobKey(poolId, jobId))
  if (!job) throw fail(cx, 'ResourceNotFoundException', `Import job ${jobId} does not exist.`)
  return job
}

/** When a started job's import of every row is due, by the clock (or when it fails for its file). */
export function dueEnd(job: ImportJobRow): number | undefined {
  if (job.started === undefined || job.rows === undefined) return undefined
  return job.started + PENDING_SECONDS + (job.verdict ? 0 : job.rows / ROWS_PER_SECOND)
}

/** How many of a started job's rows are due by `now` (the clock alone decides, so progress is reproducible). */
export function dueRows(job: ImportJobRow, now: number): number {
  if (job.started === undefined || job.rows === undefined || job.verdict) return 0
  const elapsed = now - job.started - PENDING_SECONDS
  if (elapsed <= 0) return 0
  return Math.min(job.rows, Math.floor(elapsed * ROWS_PER_SECOND + 1e-9))
}

/** Whether the job is running at `now`: started, not stopped, and not yet through its file. */
export function running(job: ImportJobRow, now: number): boolean {
  if (job.status !== 'Pending' && job.status !== 'InProgress') return false
  const end = dueEnd(job)
  return end === undefined || now < end
}

/**
 * Whether a job of the pool is running now: what makes Cognito refuse changes to the pool with
 * UserImportInProgressException (the model: "you're trying to modify a user pool while a user import job is in
 * progress for that pool").
 */
export function importInProgress(cx: Can<never>, poolId: string): boolean {
  const now = cx.now()
  return cx.tables.importJobs.children(poolId).some((job) => running(job, now))
}

/**
 * Refuses a change to a pool while one of its jobs runs. Chosen without evidence: the message (the exception's
 * documentation says only when it is thrown).
 */
export function refuseWhileImporting(cx: Can<'UserImportInProgressException'>, poolId: string): void {
  if (importInProgress(cx, poolId))
    throw fail(cx, 'UserImportInProgressException', `A user import job is in progress for user pool ${poolId}.`)
}

/** The status a job shows at `now` (a Pending job whose wait is over is InProgress). */
export function statusAt(job: ImportJobRow, now: number): UserImportJobStatusType {
  if (job.status === 'Pending' && job.started !== undefined && now >= job.started + PENDING_SECONDS) return 'InProgress'
  return job.status
}

/** The job as the API returns it (UserImportJobType): dates, counts and the message only once they exist. */
export function describeJob(cx: Can<never>, job: ImportJobRow): UserImportJobType {
  return {
    JobName: job.name,
    JobId: job.jobId,
    UserPoolId: job.poolId,
    PreSignedUrl: importUrl(cx, job),
    CreationDate: job.created,
    ...(job.started !== undefined && { StartDate: job.started }),
    ...(job.completed !== undefined && { CompletionDate: job.completed }),
    Status: statusAt(job, cx.now()),
    CloudWatchLogsRoleArn: job.roleArn,
    ImportedUsers: job.imported,
    SkippedUsers: job.skipped,
    FailedUsers: job.failed,
    ...(job.message !== undefined && { CompletionMessage: job.message }),
    ...(job.hashing !== undefined && { PasswordHashingAlgorithm: job.hashing }),
  }
}

/** Every per-row result line of a job, oldest first (what CloudWatch's log stream `<jobId>/<jobName>` would hold). */
export function importLog(cx: Can<never>, poolId: string, jobId: string): string[] {
  return cx.tables.importLogs.children(jobKey(poolId, jobId), 'importJobs').flatMap((chunk) => [...chunk.lines])
}
