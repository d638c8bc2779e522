/**
 * A task module for tests' pools: the pool's own worker (`startWorker`: the service reference,
 * answers as the API gives them), except that each evaluation and validation first keeps its
 * thread busy, as CPU-heavy work does: for `spinMs` milliseconds (`workerData`), or, given a
 * `gate` (a `SharedArrayBuffer` of two 32-bit cells: open, tasks started), until the test opens
 * it. What the pool and the routes do around work that takes long is then tested without
 * depending on what core makes expensive, and, with a gate, without depending on how fast the
 * machine is: the test decides when the work ends. Loaded by the pool's threads only
 * (`gatedPool` in `test-app.ts`, and `slow-server.ts`), never imported.
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

const { spinMs = 0, gate } = workerData as {
  readonly spinMs?: number
  readonly gate?: SharedArrayBuffer
}
const cells = gate === undefined ? undefined : new Int32Array(gate)

/** Counts the task as started, then keeps the thread busy until the gate opens, or `spinMs`. */
function hold(): void {
  if (cells === undefined) {
    spin(spinMs)
    return
  }
  Atomics.add(cells, 1, 1)
  while (Atomics.load(cells, 0) === 0) {
    // busy, as work is: not a wait that the thread could be woken from
  }
}

export default startWorker((runners) => ({
  evaluate: (body, call) => {
    hold()
    return runners.evaluate(body, call)
  },
  validate: (body) => {
    hold()
    return runners.validate(body)
  },
  analyze: (task) => {
    hold()
    return runners.analyze(task)
  },
  sources: (task) => {
    hold()
    return runners.sources(task)
  },
}))
