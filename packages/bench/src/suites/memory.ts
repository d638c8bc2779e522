import { readManagedPolicies } from '@connect-policy/catalog/corpus'
import { compilePolicies, parsePolicy } from '@connect-policy/core'
import type { Measurement } from '../harness/measure.ts'
import type { SuiteOutcome } from '../report/results.ts'

const runs = 3

function collect(): void {
  // --expose-gc, which `pnpm bench` passes to node
  if (globalThis.gc === undefined) throw new Error('run node with --expose-gc to measure memory')
  globalThis.gc()
  globalThis.gc()
}

/** Heap bytes per item that `make` keeps alive, over every input, as the median of a few runs. */
function heapPerItem<T>(inputs: readonly string[], make: (text: string) => T): Measurement {
  const perItem: number[] = []
  for (let run = 0; run < runs; run++) {
    collect()
    const before = process.memoryUsage().heapUsed
    const kept = inputs.map(make)
    collect()
    const after = process.memoryUsage().heapUsed
    perItem.push((after - before) / kept.length)
    kept.length = 0
  }
  perItem.sort((a, b) => a - b)
  return {
    median: perItem[Math.floor(runs / 2)] ?? Number.NaN,
    p99: perItem[runs - 1] ?? Number.NaN,
    samples: runs,
  }
}

/** Benchmark 6: what a compiled policy of the managed corpus holds on the heap. */
export function memorySuite(): SuiteOutcome {
  const { policies } = readManagedPolicies()
  const texts = policies.map((policy) => policy.text)
  const compiled = texts.filter(
    (text) => compilePolicies({ identityPolicies: [text] }).errors === undefined,
  )
  const characters = compiled.reduce((sum, text) => sum + text.length, 0) / compiled.length
  return {
    suite: {
      id: 'memory',
      title: 'Heap per compiled policy',
      description: `Every AWS managed policy that compiles as an identity policy (${compiled.length.toLocaleString('en-US')} of ${texts.length.toLocaleString('en-US')}; ${Math.round(characters).toLocaleString('en-US')} characters on average), kept alive at once: heap growth after garbage collection, per policy (median of ${runs} runs; the texts themselves are not counted).`,
      unit: 'bytes',
      columns: ['heap per policy'],
      rows: [
        {
          name: 'parsed (`parsePolicy`)',
          first: heapPerItem(compiled, (text) => parsePolicy(text)),
        },
        {
          name: '**compiled** (`compilePolicies`)',
          first: heapPerItem(compiled, (text) => compilePolicies({ identityPolicies: [text] })),
        },
      ],
      notes: [],
    },
    metrics: {},
  }
}
