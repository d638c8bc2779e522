import { describe, expect, it } from 'vitest'
import { loadBases } from '../inputs/bases.ts'
import { defaultCaseOptions } from '../inputs/case-at.ts'
import { figures } from '../report/summary.ts'
import { runPool } from './pool.ts'

describe('the worker pool', () => {
  it('reports a call that never returns as a hang, one that throws as a crash, and runs every other input', async () => {
    const result = await runPool({
      seed: 7,
      from: 0,
      inputs: 40,
      workers: 1,
      // a real call may take half a second (a summary of `*` on `*`); on a loaded machine, more
      timeoutMs: 3000,
      slowMs: 10,
      minimiseMs: 0,
      maxSeconds: Number.POSITIVE_INFINITY,
      hangCap: 3,
      findingsPerSignature: 2,
      bases: loadBases(0),
      caseOptions: { ...defaultCaseOptions, maxScale: 20 },
      workerHeapMb: 1024,
      selfTest: { hangAt: 12, throwAt: 25 },
    })
    const hang = result.findings.find((finding) => finding.kind === 'hang')
    const crash = result.findings.find((finding) => finding.target === 'self-test.throw')
    expect(hang).toMatchObject({ index: 12, target: 'self-test.hang', seed: 7, ms: 3000 })
    expect(crash).toMatchObject({
      kind: 'crash',
      index: 25,
      error: { message: 'thrown on purpose' },
    })
    expect(result.workerRestarts).toBe(1)
    // every input ran, the hung one included; those of the stopped worker's batch are counted
    // without their times
    const figure = figures(result)
    expect(figure.inputs + figure.skipped).toBe(40)
    expect(figure.hangs).toBe(1)
  }, 120_000)
})
