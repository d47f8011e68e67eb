import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { INDEX_FILE, simulationIndex } from './simulation-index.js'

const root = resolve(process.argv[2] ?? '.')
const check = process.argv.includes('--check')
const text = simulationIndex(root)
const path = join(root, INDEX_FILE)
let current = ''
try {
  current = readFileSync(path, 'utf8')
} catch {
  // written below
}
if (current === text) console.log(`${INDEX_FILE} is up to date`)
else if (check) {
  console.log(`${INDEX_FILE} is out of date: run npm run simulation:index`)
  process.exitCode = 1
} else {
  writeFileSync(path, text)
  console.log(`wrote ${INDEX_FILE}`)
}
