/**
 * A task module for tests' pools: the pool's own worker (`startWorker`: the service reference,
 * answers as the API gives them), except that each evaluation and validation first keeps its
 * thread busy for `spinMs` milliseconds (`workerData`), as CPU-heavy work does. What the pool and
 * the routes do around work that takes long is then tested without depending on what core makes
 * expensive. Loaded by the pool's threads only (`slowPool` in `test-app.ts`), never imported.
 */
import { workerData } from 'node:worker_threads'
import { startWorker } from '../pool/start-worker.ts'

/** Keeps the thread busy, as CPU-bound work does: no timer can interrupt it. */
function spin(milliseconds: number): void {
  const end = performance.now() + milliseconds
  while (performance.now() < end) {
    // busy
  }
}

const { spinMs } = workerData as { readonly spinMs: number }

export default startWorker((runners) => ({
  evaluate: (body, call) => {
    spin(spinMs)
    return runners.evaluate(body, call)
  },
  validate: (body) => {
    spin(spinMs)
    return runners.validate(body)
  },
}))
