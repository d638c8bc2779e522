import { parentPort, workerData } from 'node:worker_threads'
import type { FuzzBases } from '../inputs/bases.ts'
import type { CaseOptions } from '../inputs/case-at.ts'
import { CaseRunner, type Clock, type SelfTest } from './case-runner.ts'
import type { FromPool, ToPool } from './messages.ts'
import { warmUp } from './warm-up.ts'

interface WorkerSettings {
  readonly seed: number
  readonly bases: FuzzBases
  readonly caseOptions: CaseOptions
  readonly slowMs: number
  readonly minimiseMs: number
  readonly findingsPerSignature: number
  readonly heartbeat: SharedArrayBuffer
  /** How often to send the stats gathered, in ms. */
  readonly flushMs: number
  readonly clock: Clock
  readonly selfTest?: SelfTest
}

const port = parentPort
if (port === null) throw new Error('the fuzz worker runs in a worker thread')
const settings = workerData.settings as WorkerSettings
const send = (message: ToPool) => port.postMessage(message)
const heartbeat = new Int32Array(settings.heartbeat)

const runner = new CaseRunner({
  seed: settings.seed,
  bases: settings.bases,
  caseOptions: settings.caseOptions,
  slowMs: settings.slowMs,
  minimiseMs: settings.minimiseMs,
  findingsPerSignature: settings.findingsPerSignature,
  clock: settings.clock,
  heartbeat,
  onFinding: (finding) => send({ type: 'finding', finding }),
  onMinimised: (signature, index, minimised) =>
    send({ type: 'minimised', signature, index, minimised }),
  onTarget: (id, name) => send({ type: 'target', id, name }),
  ...(settings.selfTest === undefined ? {} : { selfTest: settings.selfTest }),
})

const skip = new Map<string, number>()
warmUp()
runner.takeStats()

port.on('message', (message: FromPool) => {
  if (message.type === 'skip') {
    skip.set(message.generator, Math.min(message.size, skip.get(message.generator) ?? message.size))
    return
  }
  let flushed = performance.now()
  for (let index = message.from; index < message.to; index++) {
    runner.runIndex(index, skip)
    if (performance.now() - flushed > settings.flushMs) {
      send({ type: 'stats', stats: runner.takeStats(), through: index })
      flushed = performance.now()
    }
  }
  send({ type: 'stats', stats: runner.takeStats(), through: message.to - 1 })
  send({ type: 'done' })
})
send({ type: 'ready' })
