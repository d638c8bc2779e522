import type { WorkerFactory } from './worker-channel.ts'

/**
 * A module worker running `worker.ts`. The `new Worker(new URL(…))` form is what Vite recognizes
 * to bundle the worker with its imports.
 */
export const playgroundWorker: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
