/**
 * The server as `src/server.ts` starts it, except that its worker threads keep busy for the
 * milliseconds given as the first argument before each evaluation or validation
 * (`slow-worker.ts`): for the tests of what a signal does while work runs.
 *
 *   node --import tsx src/testing/slow-server.ts 60000
 */
import { loadConfigOrExit } from '../env.ts'
import { createLogger } from '../http/logging.ts'
import { startServer, stopOnSignals } from '../server.ts'

const spinMs = Number(process.argv[2] ?? '0')
const config = loadConfigOrExit()
const logger = createLogger(config.logLevel)
const slowly = { module: new URL('./slow-worker.ts', import.meta.url), workerData: { spinMs } }
stopOnSignals(await startServer(config, logger, undefined, undefined, slowly))
