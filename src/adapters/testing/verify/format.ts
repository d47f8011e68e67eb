import type { OperationResult, VerifyReport } from './types.js'

const indent = (text: string, by: string) => text.replace(/^/gm, by)

/** One operation's verdict as text: a line, then each deviation with its evidence. */
export function formatResult(result: OperationResult): string {
  const head = `${result.status.padEnd(11)} ${result.operation} (${result.checks} checks)${result.status === 'unsupported' && result.note ? `: ${result.note}` : ''}`
  const lines = result.deviations.map((d) =>
    [
      `  ${d.rule}: ${d.message}`,
      ...(d.request !== undefined ? [indent(`request:  ${JSON.stringify(d.request)}`, '    ')] : []),
      ...(d.response ? [indent(`response: ${d.response.status} ${d.response.body}`, '    ')] : []),
    ].join('\n'),
  )
  return [head, ...lines].join('\n')
}

/** The closing lines: the counts, and what the clean-up did. */
export function formatSummary(report: VerifyReport): string {
  const { conforming, deviating, unsupported } = report.summary
  const lines = [
    `${report.operations.length} operations against ${report.endpoint} (${report.region}, seed ${report.seed})${report.interrupted ? ', interrupted' : ''}: ${conforming} conforming, ${deviating} deviating, ${unsupported} unsupported`,
    `clean-up: ${report.cleanup.deleted} pool(s) of this run deleted${report.cleanup.leftovers ? `, ${report.cleanup.leftovers} left by an earlier run` : ''}`,
    ...report.cleanup.failed.map((f) => `clean-up could not delete ${f}`),
  ]
  return `${lines.join('\n')}\n`
}
