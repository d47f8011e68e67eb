type Loop = (fn: () => unknown, n: number) => void

/**
 * A loop of its own for each measured function: one shared loop's call site would see every candidate, turn
 * polymorphic and charge them all for it (the anchors too), blurring the ratios.
 */
const loops = new WeakMap<() => unknown, Loop>()

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns calls per second. */
export function perSecond(fn: () => unknown, ms = 1000): number {
  let loop = loops.get(fn)
  if (!loop) loops.set(fn, (loop = new Function('fn', 'n', 'for (let i = 0; i < n; i++) fn()') as Loop))
  loop(fn, 200)
  let calls = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    loop(fn, 50)
    calls += 50
    now = performance.now()
  }
  return Math.round((calls * 1000) / (now - start))
}

/** An async `perSecond`, one call at a time. */
export async function perSecondAsync(fn: () => Promise<unknown>, ms = 1000): Promise<number> {
  for (let i = 0; i < 20; i++) await fn()
  let calls = 0
  const start = performance.now()
  while (performance.now() - start < ms) {
    await fn()
    calls++
  }
  return Math.round((calls * 1000) / (performance.now() - start))
}

/** How many interleaved rounds each comparison runs; the median is reported. */
export const ROUNDS = 5

/** A median. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]!
}

/** One figure of a run, as `--json` writes it. */
export interface Figure {
  readonly group: string
  readonly name: string
  readonly value: number
  readonly unit: string
  /** The anchor it is compared with, and the ratio (value / anchor's value). */
  readonly anchor?: string | undefined
  readonly ratio?: number | undefined
}

/** Every figure of this run, for `--json`. */
export const figures: Figure[] = []

/** Whether the run prints JSON (`npm run bench -- --json`) instead of tables. */
export const JSON_OUTPUT = process.argv.includes('--json')

/**
 * Measures named candidates in interleaved rounds and reports each median with its ratio to the anchor named for it.
 * Each round runs every candidate once, in turn forwards and backwards (so neither side always runs first, on a warmer
 * or a busier machine), and a ratio is the median of the ratios within rounds: measurements taken seconds apart share
 * the machine's state, where the medians of whole columns can come from different minutes of a noisy machine.
 */
export async function compare(
  group: string,
  unit: string,
  candidates: ReadonlyArray<{
    name: string
    run: () => number | Promise<number>
    /** The candidate (or candidates) of the same run this one is compared with. */
    anchor?: string | readonly string[] | undefined
  }>,
  rounds = ROUNDS,
): Promise<void> {
  const samples = new Map<string, number[]>(candidates.map((c) => [c.name, []]))
  // A round left out first: through MSW and the SDK, calls per second still climbed for about ten seconds of a fresh
  // process (the JIT at work), which the first rounds would charge to whichever candidate ran first.
  for (const candidate of candidates) await candidate.run()
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? candidates : [...candidates].reverse()
    const measured = new Map<string, number>()
    for (const candidate of order) measured.set(candidate.name, await candidate.run())
    for (const candidate of candidates) samples.get(candidate.name)!.push(measured.get(candidate.name)!)
  }
  const rows: Array<[string, string]> = []
  for (const candidate of candidates) {
    const values = samples.get(candidate.name)!
    const value = median(values)
    const anchors = candidate.anchor === undefined ? [] : [candidate.anchor].flat()
    const ratios = anchors.map((name) => {
      const paired = samples.get(name)!.map((anchor, round) => values[round]! / anchor)
      return { name, ratio: Math.round(median(paired) * 100) / 100 }
    })
    if (ratios.length === 0) figures.push({ group, name: candidate.name, value, unit })
    for (const { name, ratio } of ratios)
      figures.push({ group, name: candidate.name, value, unit, anchor: name, ratio })
    const shown = value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')
    rows.push([
      candidate.name,
      `${shown} ${unit}${ratios.map(({ name, ratio }) => `  (${ratio.toFixed(2)}x ${name})`).join('')}`,
    ])
  }
  report(`${group} (medians of ${rounds} interleaved rounds; ratios within rounds)`, rows)
}

/** Prints a section heading and aligned rows (not with `--json`). */
export function report(title: string, rows: ReadonlyArray<readonly [string, string]>): void {
  if (JSON_OUTPUT) return
  const width = Math.max(...rows.map(([k]) => k.length))
  console.log(`\n${title}`)
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`)
}
