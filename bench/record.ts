import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../test/support/model.js'
import type { Figure } from './measure.js'

/** A whole run of `npm run bench -- --record`, as bench/results.json keeps it. */
export interface RecordedRun {
  readonly node: string
  readonly msw: string
  readonly cores: number
  readonly date: string
  /** `benchSource()` when the run was recorded: what measured the figures. */
  readonly source: string
  readonly figures: readonly Figure[]
}

/**
 * A digest of the code that measures (bench/*.ts but this file, which only renders): the figures test compares it
 * with the recorded run's, so a changed measurement is recorded again before its figures stand in the README.
 */
export function benchSource(): string {
  const files = readdirSync(join(ROOT, 'bench'))
    .filter((f) => f.endsWith('.ts') && f !== 'record.ts')
    .sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${file}\0${readFileSync(join(ROOT, 'bench', file), 'utf8')}\0`)
  return hash.digest('hex')
}

/** Where the last recorded run is kept (committed: the README's figures are rendered from it). */
export const RESULTS = join(ROOT, 'bench/results.json')
/** The lines around the README's rendered figures. */
export const START = '<!-- figures: written by `npm run bench -- --record` from bench/results.json; do not edit -->'
export const END = '<!-- end of figures -->'

const cell = (text: string) => text.replaceAll('|', '\\|')

/** A figure's value as the tables print it. */
function shown(figure: Figure): string {
  const value = figure.value < 10 ? figure.value.toFixed(1) : Math.round(figure.value).toLocaleString('en')
  return `${value} ${figure.unit}`
}

/** The README's figures: one table row per figure of the run, its anchor and ratio beside it when it has one. */
export function figuresBlock(run: RecordedRun): string {
  const rows = run.figures.map(
    (f) =>
      `| ${cell(f.group)} | ${cell(f.name)} | ${shown(f)} | ${f.anchor === undefined ? '' : cell(f.anchor)} | ${
        f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}x`
      } |`,
  )
  return [
    START,
    `Recorded ${run.date.slice(0, 16).replace('T', ' ')} UTC: Node ${run.node}, msw ${run.msw}, ${run.cores} cores.`,
    '',
    '| Group | Measured | Figure | Anchor (same run) | Ratio |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    END,
  ].join('\n')
}

/** The README with its figures block replaced by this run's. */
export function withFigures(readme: string, run: RecordedRun): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`the README has no figures block (${START} … ${END})`)
  return readme.slice(0, start) + figuresBlock(run) + readme.slice(end + END.length)
}

/** Keeps a finished run in bench/results.json and renders it into the README. */
export function record(figures: readonly Figure[]): void {
  const msw = (JSON.parse(readFileSync(join(ROOT, 'node_modules/msw/package.json'), 'utf8')) as { version: string })
    .version
  const date = new Date().toISOString()
  const run: RecordedRun = { node: process.version, msw, cores: cpus().length, date, source: benchSource(), figures }
  writeFileSync(RESULTS, `${JSON.stringify(run, null, 2)}\n`)
  const readme = join(ROOT, 'README.md')
  writeFileSync(readme, withFigures(readFileSync(readme, 'utf8'), run))
}
