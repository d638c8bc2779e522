// A worker thread does not inherit the loader hooks its parent registered (Node 20), so it
// registers tsx itself before it imports the TypeScript worker. The `@connect-policy/source`
// condition comes with the worker's execArgv.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
