/**
 * The module each worker thread of the pool runs (piscina loads it): the thread's work, loaded
 * once (`startWorker`). Piscina waits for the exported promise before it gives the thread tasks.
 */
import { startWorker } from './start-worker.ts'

export default startWorker()
