import type { Context } from '../context.js'
import { csvParser, MAX_ROW_CHARACTERS, parseLines, takeLines } from '../resources/import-csv.js'
import {
  dueEnd,
  dueRows,
  EXPIRY_SECONDS,
  type ImportJobRow,
  jobKey,
  PENDING_SECONDS,
} from '../resources/import-jobs.js'
import { importRow, logLine } from '../resources/import-rows.js'

/** Chosen: per-row results are kept in chunks of at most this many lines (one stored row each). */
const LOG_CHUNK = 1_000

/** Seen from Cognito: the CompletionMessage values (CLI:list-user-import-jobs, CLI:stop-user-import-job, DG23). */
export const MESSAGES = {
  succeeded: 'Import Job Completed Successfully.',
  tooMany: 'Too many users have failed or been skipped during the import.',
  expired: 'The user import job has expired.',
  stopped: 'The Import Job was stopped by the developer.',
} as const

/** A job ends: its file goes (Cognito deletes a job's data; chosen for every ending, not only expiry). */
function end(cx: Context, job: ImportJobRow, changes: Partial<ImportJobRow>): ImportJobRow {
  cx.tables.importFiles.delete(jobKey(job.poolId, job.jobId))
  return cx.tables.importJobs.put({ ...job, ...changes })
}

/**
 * Brings a job up to the clock, inside the caller's transaction: a Created job past its expiry expires; a started one
 * imports every row due by now (ROWS_PER_SECOND after PENDING_SECONDS), then succeeds or fails. What is due depends on
 * the clock alone, not on how often this runs, so a test with a fake clock sees the same counts at the same time.
 * Chosen without evidence: the job fails when more rows were skipped or failed than imported (every capture of "Too
 * many users have failed or been skipped" fits: 0 imported and 1 or 5 failed, 14 imported and 32 failed).
 */
export async function catchUp(cx: Context, given: ImportJobRow): Promise<ImportJobRow> {
  let job = given
  const now = cx.now()
  if (job.status === 'Created') {
    if (now < job.created + EXPIRY_SECONDS) return job
    return end(cx, job, { status: 'Expired', completed: job.created + EXPIRY_SECONDS, message: MESSAGES.expired })
  }
  if ((job.status !== 'Pending' && job.status !== 'InProgress') || job.started === undefined) return job
  if (now < job.started + PENDING_SECONDS) return job
  if (job.verdict)
    return end(cx, job, { status: 'Failed', completed: job.started + PENDING_SECONDS, message: job.verdict.message })
  const due = dueRows(job, now)
  if (due > job.done) job = await importDue(cx, job, due)
  if (job.done < (job.rows ?? 0)) {
    if (job.status !== 'InProgress') job = cx.tables.importJobs.put({ ...job, status: 'InProgress' })
    return job
  }
  const tooMany = job.skipped + job.failed > job.imported
  return end(cx, job, {
    status: tooMany ? 'Failed' : 'Succeeded',
    completed: dueEnd(job),
    message: tooMany ? MESSAGES.tooMany : MESSAGES.succeeded,
  })
}

/** Imports the job's rows up to `due`, in chunks whose results are logged together. */
async function importDue(cx: Context, given: ImportJobRow, due: number): Promise<ImportJobRow> {
  let job = given
  const pool = cx.tables.pools.get(job.poolId)
  const file = cx.tables.importFiles.get(jobKey(job.poolId, job.jobId))
  const header = job.header
  if (!pool || !file || !header) return job
  const parse = await csvParser()
  while (job.done < due) {
    const { lines, next } = takeLines(file.text, job, Math.min(LOG_CHUNK, due - job.done))
    const long = (text: string) => text.length > MAX_ROW_CHARACTERS
    const records = parseLines(
      parse,
      lines.filter((l) => !long(l.text)),
    )
    let r = 0
    let { imported, skipped, failed } = job
    const log: string[] = []
    for (const line of lines) {
      // Chosen without evidence: the text of a row longer than Cognito's limit (16,000 characters, DG23).
      const result = long(line.text)
        ? { outcome: 'FAILED' as const, message: 'The record is longer than 16000 characters.' }
        : importRow(cx, pool, header, records[r++] ?? [])
      if (result.outcome === 'SUCCEEDED') imported++
      else if (result.outcome === 'SKIPPED') skipped++
      else failed++
      log.push(logLine(line.number, result))
    }
    cx.tables.importLogs.insert({ poolId: job.poolId, jobId: job.jobId, chunk: job.chunks, lines: log })
    job = cx.tables.importJobs.put({
      ...job,
      status: 'InProgress',
      imported,
      skipped,
      failed,
      done: job.done + lines.length,
      offset: next.offset,
      line: next.line,
      chunks: job.chunks + 1,
    })
    // A file with fewer rows than counted (none here: the count and the reading agree) must not loop forever.
    if (lines.length === 0) break
  }
  return job
}
