import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The directory of this package (its package.json), found upwards from this module wherever the build put it. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = join(dir, 'package.json')
    if (
      existsSync(file) &&
      (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'cognito-idp-contract'
    )
      return dir
    const up = dirname(dir)
    if (up === dir) throw new Error("cognito-idp-contract: cannot find this package's package.json")
    dir = up
  }
}
