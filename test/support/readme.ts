import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './model.js'

/**
 * Where a TypeScript example runs: Node (`ts`), a Vitest file (`ts vitest`), the browser (`ts browser`), or the Vitest
 * configuration the Vitest files run with (`ts vitest.config`).
 */
export type Runner = 'node' | 'vitest' | 'browser' | 'config'

/** A TypeScript example of the README and the output printed under it. */
export interface TsExample {
  readonly index: number
  readonly runner: Runner
  readonly code: string
  readonly output: string | undefined
}

/** A console example: a command after `$ ` and the lines it prints. */
export interface ConsoleExample {
  readonly command: string
  readonly output: string
}

function fences(markdown: string): Array<{ lang: string; info: string; body: string }> {
  return [...markdown.matchAll(/^```(\w*)[ ]?([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1]!,
    info: m[2]!.trim(),
    body: m[3]!,
  }))
}

/** The README's TypeScript examples, each with the ```text block that follows it, if any. */
export function tsExamples(markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')): TsExample[] {
  const blocks = fences(markdown)
  return blocks.flatMap((block, i) => {
    if (block.lang !== 'ts') return []
    const next = blocks[i + 1]
    const runner: Runner =
      block.info === 'browser'
        ? 'browser'
        : block.info === 'vitest'
          ? 'vitest'
          : block.info === 'vitest.config'
            ? 'config'
            : 'node'
    return [{ index: i, runner, code: block.body, output: next?.lang === 'text' ? next.body : undefined }]
  })
}

/** The README's console examples. */
export function consoleExamples(markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')): ConsoleExample[] {
  return fences(markdown)
    .filter((b) => b.lang === 'console')
    .flatMap((b) =>
      b.body
        .split(/^\$ /m)
        .filter(Boolean)
        .map((chunk) => {
          const [command, ...rest] = chunk.split('\n')
          return { command: command!, output: rest.join('\n') }
        }),
    )
}

/** The README's Vitest configuration (its one ```ts vitest.config block), which its Vitest examples run with. */
export function vitestConfig(markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')): string {
  const configs = tsExamples(markdown).filter((e) => e.runner === 'config')
  if (configs.length !== 1)
    throw new Error(`the README should have one \`\`\`ts vitest.config block, not ${configs.length}`)
  return configs[0]!.code
}
