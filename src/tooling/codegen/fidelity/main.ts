import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fidelityPage } from './fidelity.js'
import { FIDELITY_FILE } from './render.js'

// `npm run fidelity [-- --check] [root]`: writes docs/fidelity.md, or (--check) fails when it is out of date.
const args = process.argv.slice(2)
const check = args.includes('--check')
const root = resolve(args.find((a) => !a.startsWith('--')) ?? '.')
const text = fidelityPage(root)
const path = join(root, FIDELITY_FILE)
let current = ''
try {
  current = readFileSync(path, 'utf8')
} catch {
  // written below
}
if (current === text) console.log(`${FIDELITY_FILE} is up to date`)
else if (check) {
  console.log(`${FIDELITY_FILE} is out of date: run npm run fidelity`)
  process.exitCode = 1
} else {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  console.log(`wrote ${FIDELITY_FILE}`)
}
