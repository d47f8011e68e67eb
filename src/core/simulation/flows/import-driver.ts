import type { Context } from '../context.js'
import { running } from '../resources/import-jobs.js'
import { catchUp } from './import-progress.js'

/** Chosen: how often a running job is brought up to the clock when no call asks (milliseconds). */
const TICK_MS = 100

/** The stores whose running jobs a timer is moving on. */
const ARMED = new WeakSet<object>()

/** The context of another partition of the same store, for a tick that crosses them. */
function partitionContext(cx: Context, partition: Context['partition']): Context {
  return { ...cx, tables: partition.tables, partition, region: partition.region, account: partition.account }
}

/**
 * Keeps the store's running jobs moving while no call asks about them, so imported users appear as the clock
 * passes (a test that starts a job and then signs a user in need not describe it first). Each tick brings every
 * running job up to the clock in a transaction of its own, between calls; what it imports is what a Describe would
 * have imported at that time, so ticks change when work is done, never what is done. The timer stops when no job
 * runs, and when the clock stood still since the last tick (a fake clock: the next call about a job, or a tick the
 * test's fake timers fire, moves things on again). It never keeps a Node process alive.
 */
export function drive(cx: Context): void {
  const store = cx.store
  if (ARMED.has(store)) return
  ARMED.add(store)
  let last = cx.now()
  const tick = () => {
    store
      .exclusive(async () => {
        const now = cx.now()
        let left = false
        for (const partition of store.occupied()) {
          const here = partitionContext(cx, partition)
          for (const job of partition.tables.importJobs.all()) {
            if (job.status !== 'Pending' && job.status !== 'InProgress') continue
            const next = await catchUp(here, job)
            if (running(next, now)) left = true
          }
        }
        return left
      })
      .then(
        (left) => {
          const now = cx.now()
          const moved = now !== last
          last = now
          if (left && moved) schedule()
          else ARMED.delete(store)
        },
        () => ARMED.delete(store),
      )
  }
  const schedule = () => {
    const timer = setTimeout(tick, TICK_MS) as unknown as { unref?: () => void }
    timer.unref?.()
  }
  schedule()
}
