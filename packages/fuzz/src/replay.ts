import type { FuzzBases } from './inputs/bases.ts'
import { caseAt, defaultCaseOptions } from './inputs/case-at.ts'
import { sizeClassOf, sizeOf } from './inputs/size.ts'
import { encode } from './report/encode.ts'
import { milliseconds } from './report/format.ts'
import { type CallSite, type Thrown, thrown } from './run/call-site.ts'
import { runCase } from './run/run-case.ts'

/**
 * Runs input `index` of `seed` in this process, printing the input and each call with its time
 * and outcome; returns 1 when a call threw or the case broke a promise.
 */
export function replayInput(seed: number, index: number, bases: FuzzBases, slowMs: number): number {
  const input = caseAt(seed, index, bases, defaultCaseOptions)
  const size = sizeOf(input)
  const shown = JSON.stringify(encode(input))
  console.log(
    `input ${index} of seed ${seed}: ${input.family} / ${input.generator}, ${size} characters (${sizeClassOf(size)}): ${input.shape}`,
  )
  console.log(shown.length > 4000 ? `${shown.slice(0, 4000)}… (${shown.length} characters)` : shown)
  let failed = false
  const site: CallSite = {
    call<T>(target: string, run: () => T): T | Thrown {
      const start = performance.now()
      try {
        const value = run()
        const ms = performance.now() - start
        console.log(`${target}: ${milliseconds(ms)}${ms > slowMs ? ' (slow)' : ''}`)
        return value
      } catch (error) {
        failed = true
        console.log(`${target}: threw after ${milliseconds(performance.now() - start)}`, error)
        return thrown
      }
    },
    report(kind, target, detail) {
      failed = true
      console.log(`${kind} at ${target}: ${detail}`)
    },
  }
  runCase(site, input)
  return failed ? 1 : 0
}
