import type { RecordedCall } from '../../core/mock/calls.js'

/** How request lines are written: for people, or one JSON object per line for machines. */
export type LogFormat = 'text' | 'json'

/** What one log line says: when, where, what, how it ended, what answered and how long it took (no request data). */
export interface LogEntry {
  readonly time: string
  readonly region: string
  readonly operation: string
  readonly status: number
  readonly error?: string | undefined
  readonly source: string
  readonly ms: number
  readonly requestId?: string | undefined
}

/** The log entry of a call the mock answered. */
export function entryOf(call: RecordedCall): LogEntry {
  return {
    time: new Date(call.time).toISOString(),
    region: call.region,
    operation: call.operation ?? '-',
    status: call.error?.status ?? 200,
    ...(call.error && { error: call.error.type }),
    source: call.source,
    ms: call.ms,
    requestId: call.requestId,
  }
}

/** One line: `2026-11-28T08:30:00.123Z eu-west-1 CreateUserPool 200 simulation 3.1ms` (an error type before the source). */
export function formatEntry(entry: LogEntry, format: LogFormat): string {
  if (format === 'json') return JSON.stringify(entry)
  const outcome = entry.error ? `${entry.status} ${entry.error}` : String(entry.status)
  return `${entry.time} ${entry.region} ${entry.operation} ${outcome} ${entry.source} ${entry.ms}ms`
}
