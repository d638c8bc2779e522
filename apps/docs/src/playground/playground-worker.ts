import { questionAnswerer } from './answer-question.ts'
import { inThreadWorker, type WorkerFactory } from './worker-channel.ts'

/**
 * A module worker running `worker.ts`; where the browser has no `Worker`, the same work on the
 * page's own thread. The `new Worker(new URL(…))` form is what Vite recognizes to bundle the
 * worker with its imports.
 */
export const playgroundWorker: WorkerFactory = () =>
  typeof Worker === 'undefined'
    ? inThreadWorker(questionAnswerer())()
    : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
