import { Worker } from 'node:worker_threads'
import type { FuzzBases } from '../inputs/bases.ts'
import { type CaseOptions, caseAt } from '../inputs/case-at.ts'
import type { FuzzCase } from '../inputs/fuzz-case.ts'
import { sizeClassOf, sizeOf } from '../inputs/size.ts'
import { encode } from '../report/encode.ts'
import type { Finding } from '../report/finding.ts'
import { emptyStats, mergeStats, type RunStats } from '../report/stats.ts'
import { heartbeatLength, heartbeatSlots, type SelfTest } from './case-runner.ts'
import type { FromPool, ToPool } from './messages.ts'

export interface PoolOptions {
  readonly seed: number
  /** The first input's index (0 unless a run is resumed or one input replayed). */
  readonly from: number
  /** How many inputs to run. */
  readonly inputs: number
  readonly workers: number
  /** A call that takes longer is a hang: its worker is terminated and a new one takes over. */
  readonly timeoutMs: number
  readonly slowMs: number
  readonly minimiseMs: number
  /** Stop handing out inputs after this many seconds (the inputs run are reported). */
  readonly maxSeconds: number
  /** Hangs of one generator after which its inputs as large as the smallest that hung are skipped. */
  readonly hangCap: number
  /** Findings of one signature kept in full. */
  readonly findingsPerSignature: number
  readonly bases: FuzzBases
  readonly caseOptions: CaseOptions
  /** Heap a worker may use, in MB: an input that needs more is a crash, not the end of the run. */
  readonly workerHeapMb: number
  readonly onProgress?: (stats: RunStats, elapsedMs: number) => void
  /** Inputs at which a worker hangs or throws on purpose, for the pool's own tests. */
  readonly selfTest?: SelfTest
}

export interface PoolResult {
  readonly stats: RunStats
  readonly findings: Finding[]
  readonly elapsedMs: number
  /** Inputs handed out and run (skipped ones included in `stats.skipped`, not here). */
  readonly inputsRun: number
  /** Whether `maxSeconds` ended the run before every input was run. */
  readonly stoppedEarly: boolean
  readonly workerRestarts: number
}

interface Slot {
  worker: Worker
  beat: Int32Array
  targets: Map<number, string>
  batch: { from: number; to: number } | undefined
  /** The last input whose stats arrived. */
  through: number
  lastBeat: number
  lastChange: number
  /** The process's CPU time at the last change, in ms. */
  lastChangeCpu: number
  ready: boolean
  ending: boolean
  /** A spare started ahead, to take over from a stopped worker at once. */
  spare: boolean
  /** What to run first when ready: a stopped worker's rest, or a batch of its own (`undefined`). */
  resume: { from: number; to: number } | undefined
}

const batchSize = 50
const flushMs = 1000

/**
 * Runs inputs `[from, from + inputs)` in a pool of worker threads, a batch at a time. Each
 * worker announces every call on a shared heartbeat; the pool polls it, and a call that does not
 * end within the timeout is a hang: the worker is terminated (a hard stop of its thread), the
 * hang reported with its input (made again here from seed and index), and a new worker goes on
 * after it (a spare started ahead, with several workers; with one, whose calls are timed in the
 * process's CPU time, a fresh one, so that no spare's start-up is counted in a call's time). A
 * worker that dies (out of memory, say) is a crash of its current call.
 */
export function runPool(options: PoolOptions): Promise<PoolResult> {
  const stats = emptyStats()
  const findings = new Map<string, Finding>()
  const perSignature = new Map<string, number>()
  const hangs = new Map<string, { count: number; smallest: number }>()
  const skips: FromPool[] = []
  const started = performance.now()
  const deadline = started + options.maxSeconds * 1000
  const end = options.from + options.inputs
  let next = options.from
  let inputsRun = 0
  let restarts = 0
  let stoppedEarly = false
  const slots = new Set<Slot>()
  /** With one worker, calls and hangs are timed in the process's CPU time (see `Clock`). */
  const cpuClock = options.workers === 1
  const cpuMilliseconds = () => {
    const used = process.cpuUsage()
    return (used.user + used.system) / 1000
  }
  const entry = new URL('./worker.ts', import.meta.url).href
  const boot = new URL('./worker-boot.mjs', import.meta.url)

  const keep = (finding: Finding) => {
    const seen = (perSignature.get(finding.signature) ?? 0) + 1
    perSignature.set(finding.signature, seen)
    if (seen <= options.findingsPerSignature)
      findings.set(`${finding.signature}#${finding.index}`, finding)
  }

  /** Counts inputs a killed worker ran but whose stats were lost, and returns the case at `index`. */
  const countLost = (from: number, to: number): void => {
    for (let index = from; index <= to; index++) {
      const input = remake(index)
      if (input === undefined) continue
      stats.inputs[input.family] = (stats.inputs[input.family] ?? 0) + 1
      stats.generators[input.generator] = (stats.generators[input.generator] ?? 0) + 1
      stats.untimed++
      inputsRun++
    }
  }
  const remake = (index: number): FuzzCase | undefined => {
    try {
      return caseAt(options.seed, index, options.bases, options.caseOptions)
    } catch {
      return undefined
    }
  }

  return new Promise((resolve) => {
    let poll: NodeJS.Timeout | undefined
    let spare: Slot | undefined
    const finish = () => {
      if (slots.size > 0) return
      if (poll !== undefined) clearInterval(poll)
      if (spare !== undefined) {
        spare.ending = true
        void spare.worker.terminate()
        spare = undefined
      }
      resolve({
        stats,
        findings: [...findings.values()],
        elapsedMs: performance.now() - started,
        inputsRun,
        stoppedEarly,
        workerRestarts: restarts,
      })
    }

    const dispatch = (slot: Slot) => {
      if (next < end && performance.now() > deadline) {
        stoppedEarly = true
        next = end
      }
      if (next >= end) {
        slot.batch = undefined
        slot.ending = true
        slots.delete(slot)
        void slot.worker.terminate().then(finish)
        return
      }
      const batch = { from: next, to: Math.min(end, next + batchSize) }
      next = batch.to
      slot.batch = batch
      slot.through = batch.from - 1
      slot.lastChange = performance.now()
      slot.lastChangeCpu = cpuMilliseconds()
      slot.worker.postMessage({ type: 'run', ...batch } satisfies FromPool)
    }

    /** A worker stopped mid-batch: report what it was doing, and go on after it with a new one. */
    const replace = (slot: Slot, why: 'hang' | 'died', error?: unknown) => {
      if (slot.ending) return
      slot.ending = true
      slots.delete(slot)
      void slot.worker.terminate()
      restarts++
      const batch = slot.batch
      const index = Atomics.load(slot.beat, heartbeatSlots.index)
      const state = Atomics.load(slot.beat, heartbeatSlots.state)
      const target = slot.targets.get(Atomics.load(slot.beat, heartbeatSlots.target)) ?? 'unknown'
      if (batch === undefined) {
        if (why === 'died') console.error('a fuzz worker died before it ran anything', error)
        take(undefined)
        return
      }
      const within = index >= batch.from && index < batch.to
      const stoppedAt = within ? index : slot.through
      countLost(slot.through + 1, stoppedAt)
      const input = within ? remake(index) : undefined
      if (input !== undefined && (state === 1 || why === 'died')) {
        const size = sizeOf(input)
        const words =
          why === 'hang'
            ? `no answer within ${options.timeoutMs} ms`
            : `the worker died: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
        const kind = why === 'hang' ? 'hang' : 'crash'
        const signature = `${kind}|${target}|${input.generator}${why === 'died' ? '|died' : ''}`
        stats.findings[kind] = (stats.findings[kind] ?? 0) + 1
        const known = stats.signatures[signature]
        if (known === undefined) {
          stats.signatures[signature] = {
            kind,
            target,
            generator: input.generator,
            words,
            count: 1,
            firstIndex: index,
          }
        } else known.count++
        keep({
          kind,
          signature,
          target,
          family: input.family,
          generator: input.generator,
          shape: input.shape,
          seed: options.seed,
          index,
          size,
          sizeClass: sizeClassOf(size),
          ...(why === 'hang' ? { ms: options.timeoutMs } : {}),
          detail: words,
          input: encode(input),
        })
        const seen = hangs.get(input.generator) ?? { count: 0, smallest: Number.POSITIVE_INFINITY }
        seen.count++
        seen.smallest = Math.min(seen.smallest, size)
        hangs.set(input.generator, seen)
        // an adversarial family grows one thing only: past a few hangs, its larger inputs would
        // only hang again; other generators vary too much to skip by size
        if (input.family === 'adversarial' && seen.count >= options.hangCap) {
          const skip: FromPool = { type: 'skip', generator: input.generator, size: seen.smallest }
          skips.push(skip)
          for (const other of slots) other.worker.postMessage(skip)
        }
      }
      const rest = { from: stoppedAt + 1, to: batch.to }
      take(rest.from < rest.to ? rest : undefined)
    }

    /** Puts the spare to work (started now if there is none), and starts a new spare. */
    const take = (resume: { from: number; to: number } | undefined) => {
      const taken = spare ?? spawn(resume, true)
      spare = undefined
      taken.spare = false
      taken.resume = resume
      slots.add(taken)
      if (taken.ready) start(taken)
      // a spare starting up uses the process's CPU, which one worker's calls are timed with
      if (!cpuClock) spare = spawn(undefined, true)
    }

    const start = (slot: Slot) => {
      for (const skip of skips) slot.worker.postMessage(skip)
      const resume = slot.resume
      if (resume === undefined) dispatch(slot)
      else {
        slot.batch = resume
        slot.through = resume.from - 1
        slot.lastChange = performance.now()
        slot.lastChangeCpu = cpuMilliseconds()
        slot.worker.postMessage({ type: 'run', ...resume } satisfies FromPool)
      }
    }

    const spawn = (resume: { from: number; to: number } | undefined, asSpare = false): Slot => {
      const heartbeat = new SharedArrayBuffer(heartbeatLength * Int32Array.BYTES_PER_ELEMENT)
      const worker = new Worker(boot, {
        execArgv: ['--conditions=@connect-policy/source'],
        resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb },
        workerData: {
          entry,
          settings: {
            seed: options.seed,
            bases: options.bases,
            caseOptions: options.caseOptions,
            slowMs: options.slowMs,
            minimiseMs: options.minimiseMs,
            findingsPerSignature: options.findingsPerSignature,
            heartbeat,
            flushMs,
            // process CPU time counts every thread: it is the call's own only with one worker
            clock: cpuClock ? 'cpu' : 'wall',
            selfTest: options.selfTest,
          },
        },
      })
      const slot: Slot = {
        worker,
        beat: new Int32Array(heartbeat),
        targets: new Map(),
        batch: undefined,
        through: -1,
        lastBeat: 0,
        lastChange: performance.now(),
        lastChangeCpu: cpuMilliseconds(),
        ready: false,
        ending: false,
        spare: asSpare,
        resume,
      }
      if (!asSpare) slots.add(slot)
      worker.on('message', (message: ToPool) => {
        switch (message.type) {
          case 'ready':
            slot.ready = true
            if (!slot.spare) start(slot)
            return
          case 'target':
            slot.targets.set(message.id, message.name)
            return
          case 'finding':
            keep(message.finding)
            return
          case 'minimised': {
            const key = `${message.signature}#${message.index}`
            const known = findings.get(key)
            if (known !== undefined && message.minimised !== undefined) {
              findings.set(key, { ...known, minimised: message.minimised })
            }
            return
          }
          case 'stats':
            mergeStats(stats, message.stats)
            inputsRun += message.through - slot.through
            slot.through = message.through
            options.onProgress?.(stats, performance.now() - started)
            return
          case 'done':
            dispatch(slot)
            return
        }
      })
      const died = (error: unknown) => {
        if (slot.spare) {
          // a spare that dies before it is needed is replaced when one is
          if (spare === slot) spare = undefined
          slot.ending = true
          return
        }
        replace(slot, 'died', error)
      }
      worker.on('error', died)
      worker.on('exit', (code) => {
        if (!slot.ending) died(new Error(`exit code ${code}`))
      })
      return slot
    }

    poll = setInterval(
      () => {
        const now = performance.now()
        for (const slot of slots) {
          if (!slot.ready || slot.batch === undefined || slot.spare) continue
          const beat = Atomics.load(slot.beat, heartbeatSlots.beat)
          const cpu = cpuClock ? cpuMilliseconds() : 0
          if (beat !== slot.lastBeat) {
            slot.lastBeat = beat
            slot.lastChange = now
            slot.lastChangeCpu = cpu
          } else if (Atomics.load(slot.beat, heartbeatSlots.state) !== 0) {
            // with one worker, a hang is a call that used the timeout's worth of CPU time: on a
            // loaded machine a call may wait for a core far longer than it computes. Elapsed
            // time still ends a call that waits without computing, at thirty times the timeout
            const spent = cpuClock ? cpu - slot.lastChangeCpu : now - slot.lastChange
            if (spent > options.timeoutMs || now - slot.lastChange > 30 * options.timeoutMs) {
              replace(slot, 'hang')
            }
          }
        }
      },
      Math.max(10, Math.min(100, options.timeoutMs / 10)),
    )
    for (let count = 0; count < Math.max(1, options.workers); count++) spawn(undefined)
  })
}
