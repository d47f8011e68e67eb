// A child process for the data directory's group-commit tests: `tsx data-dir-writer.ts <dir> <compactAfter> [<step>]`
// opens the directory (compacting past that many bytes of log), creates a pool and prints `pool <id>`, then makes users
// from 16 writers at once, printing each username once its call is answered (stdout to a pipe is written at once on
// Linux). It runs until killed; given a step, it kills itself (SIGKILL) the second time a compaction reaches it.
import { openDataDir, type WriteStep } from '../../src/adapters/server/data-dir.js'
import { createCognito } from '../../src/core/simulation/index.js'

const [dir, compactAfter, at] = process.argv.slice(2) as [string, string, WriteStep | undefined]
let armed = false
let seen = 0
const data = openDataDir(dir, {
  compactAfter: Number(compactAfter),
  steps: (step) => {
    if (armed && step === at && ++seen === 2) process.kill(process.pid, 'SIGKILL')
  },
})
const simulation = createCognito({ journal: data.journal, region: 'us-west-2' })
data.attach(simulation)
const pool = (await simulation.send('CreateUserPool', { PoolName: 'written' })).UserPool!.Id!
process.stdout.write(`pool ${pool}\n`)
armed = true
let next = 0
await Promise.all(
  Array.from({ length: 16 }, async () => {
    for (;;) {
      const username = `user${next++}`
      await simulation.send('AdminCreateUser', {
        UserPoolId: pool,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      })
      process.stdout.write(`${username}\n`)
    }
  }),
)
