import type { ServiceModel } from '../model/model.js'
import { diffModels, type OperationDiff, type SideDiff, sideChanged } from './diff.js'
import { renderTree, treeJson } from './notation.js'
import { type JudgedChange, judgeAll, suggestedBump } from './verdicts.js'

/** A change report between two versions of a service model. */
export interface ChangeReport {
  readonly date: string
  readonly service: string
  readonly operations: readonly OperationDiff[]
  readonly changes: readonly JudgedChange[]
  readonly bump: 'major' | 'minor' | 'patch'
}

/** Compares two botocore models operation by operation; `date` is written `YYYY/MM/DD`. */
export function changeReport(before: ServiceModel, after: ServiceModel, date: string): ChangeReport {
  const operations = diffModels(before, after)
  const changes = judgeAll(operations)
  return { date, service: after.metadata.serviceFullName, operations, changes, bump: suggestedBump(changes) }
}

function sideLines(side: SideDiff): string[] {
  const lines: string[] = []
  if (side.added.size) lines.push(renderTree(side.added))
  if (side.removed.size) lines.push(`Removed ${renderTree(side.removed)}`)
  if (side.changed.size) lines.push(`Changed ${renderTree(side.changed)}`)
  return lines
}

/** One operation of a report in the seed document's notation. */
export function operationLines(op: OperationDiff): string[] {
  const lines = [`${op.name} (${op.status})`]
  const sides = (['request', 'response'] as const).filter((s) => sideChanged(op[s]))
  if (sides.length) lines.push(`Changes (${sides.join(', ')})`)
  if (sides.length === 2) lines.push('Request', ...sideLines(op.request), 'Response', ...sideLines(op.response))
  else if (sides.length === 1) lines.push(...sideLines(op[sides[0]!]))
  if (op.errorsAdded.length) lines.push(`Errors added: ${op.errorsAdded.join(', ')}`)
  if (op.errorsRemoved.length) lines.push(`Errors removed: ${op.errorsRemoved.join(', ')}`)
  return lines
}

/** The header line: `2018/05/17 - Amazon Cognito Identity Provider - 1 new 7 updated api methods`. */
export function headerLine(report: ChangeReport): string {
  const count = (status: OperationDiff['status']) => report.operations.filter((o) => o.status === status).length
  const parts = [
    ['new', count('new')],
    ['updated', count('updated')],
    ['removed', count('removed')],
  ]
    .filter(([, n]) => n !== 0)
    .map(([word, n]) => `${n} ${word}`)
  return `${report.date} - ${report.service} - ${parts.length ? parts.join(' ') : 'no changed'} api methods`
}

/** The report in the seed document's notation, then the verdicts. */
export function formatReport(report: ChangeReport): string {
  const blocks = [headerLine(report), ...report.operations.map((op) => operationLines(op).join('\n'))]
  const counts = (['breaking', 'dangerous', 'safe'] as const).map(
    (v) => `${report.changes.filter((c) => c.verdict === v).length} ${v}`,
  )
  const flagged = report.changes
    .filter((c) => c.verdict !== 'safe')
    .map(
      (c) =>
        `${c.verdict.padEnd(9)} ${c.operation}${c.side === 'operation' ? '' : ` ${c.side}`}${c.path ? ` ${c.path}` : ''}: ${c.change} (${c.reason})`,
    )
  const verdicts = [`Verdicts: ${counts.join(', ')}; suggested version bump: ${report.bump}`, ...flagged]
  return `${blocks.join('\n\n')}\n\n${verdicts.join('\n')}\n`
}

/** One side's change sets as plain JSON. */
export function sideJson(s: SideDiff): { added: unknown; removed: unknown; changed: unknown } {
  return { added: treeJson(s.added), removed: treeJson(s.removed), changed: treeJson(s.changed) }
}

/** The report as plain JSON. */
export function reportJson(report: ChangeReport): unknown {
  const side = sideJson
  return {
    header: headerLine(report),
    date: report.date,
    service: report.service,
    operations: report.operations.map((op) => ({
      name: op.name,
      status: op.status,
      request: side(op.request),
      response: side(op.response),
      errorsAdded: op.errorsAdded,
      errorsRemoved: op.errorsRemoved,
    })),
    changes: report.changes,
    summary: {
      breaking: report.changes.filter((c) => c.verdict === 'breaking').length,
      dangerous: report.changes.filter((c) => c.verdict === 'dangerous').length,
      safe: report.changes.filter((c) => c.verdict === 'safe').length,
      bump: report.bump,
    },
  }
}
