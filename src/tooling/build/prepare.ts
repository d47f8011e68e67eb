/**
 * `npm`'s `prepare`: builds the package, unless `dist/` was built from the sources as they are now. npm runs
 * `prepare` after `npm ci`, at `npm pack`, and when `npx cognito-idp-contract` first runs in a checkout (npx links
 * the checkout into its cache); the build then happens once, and those later runs start in a second, not 20.
 */
import { spawnSync } from 'node:child_process'
import { builtFromCurrentSources } from './stamp.js'

const root = process.cwd()
if (builtFromCurrentSources(root)) {
  console.log('cognito-idp-contract: dist/ is built from the current sources; not building it again')
} else {
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  process.exit(run.status ?? 1)
}
