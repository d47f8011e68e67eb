// A child process for the data directory's fault-injection test: `tsx data-dir-fault.ts <dir> <reset|restore> <step>`
// opens the directory, adds a pool to its log, then resets or restores the simulation and is killed (SIGKILL) at the
// named step of writing the new state.
import { openDataDir, type WriteStep } from '../../src/adapters/server/data-dir.js'
import { createCognito } from '../../src/core/simulation/index.js'

const [dir, operation, at] = process.argv.slice(2) as [string, 'reset' | 'restore', WriteStep]
let armed = false
const data = openDataDir(dir, {
  steps: (step) => {
    if (armed && step === at) process.kill(process.pid, 'SIGKILL')
  },
})
const simulation = createCognito({ journal: data.journal, region: 'us-west-2' })
data.attach(simulation)
await simulation.send('CreateUserPool', { PoolName: 'logged' })
const restored = createCognito({ seed: 99, region: 'us-west-2' })
await restored.send('CreateUserPool', { PoolName: 'restored' })
armed = true
if (operation === 'reset') simulation.reset()
else simulation.restore(restored.snapshot())
// Not killed: the step was never reached.
process.exit(3)
