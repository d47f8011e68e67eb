import { parseArgs } from 'node:util'
import { changeReport, formatReport, reportJson } from '../changes/report.js'
import { loadModel } from '../model/model.js'
import type { CommandResult } from './validate-command.js'

/** The report date: the one given, the date in the new model's file name (`service-2.2024-05-08.json`), or today. */
export function reportDate(given: string | undefined, newPath: string, today = new Date()): string {
  if (given) return given
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(newPath.split('/').pop() ?? '')
  if (m) return `${m[1]}/${m[2]}/${m[3]}`
  return today.toISOString().slice(0, 10).replaceAll('-', '/')
}

/** `changes <old-model.json> <new-model.json> [--date YYYY/MM/DD] [--json]`. */
export function changesCommand(args: readonly string[]): CommandResult {
  let parsed
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { date: { type: 'string' }, json: { type: 'boolean', default: false } } })
  } catch (error) {
    return { stdout: `${(error as Error).message}\n`, exitCode: 2 }
  }
  const [oldPath, newPath] = parsed.positionals
  if (!oldPath || !newPath) return { stdout: 'expected two model files: old and new\n', exitCode: 2 }
  if (parsed.values.date !== undefined && !/^\d{4}\/\d{2}\/\d{2}$/.test(parsed.values.date)) return { stdout: '--date is YYYY/MM/DD\n', exitCode: 2 }
  let report
  try {
    report = changeReport(loadModel(oldPath), loadModel(newPath), reportDate(parsed.values.date, newPath))
  } catch (error) {
    return { stdout: `${(error as Error).message}\n`, exitCode: 2 }
  }
  return { stdout: parsed.values.json ? `${JSON.stringify(reportJson(report), null, 2)}\n` : formatReport(report), exitCode: 0 }
}
