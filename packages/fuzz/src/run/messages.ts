import type { Finding } from '../report/finding.ts'
import type { RunStats } from '../report/stats.ts'

/** What the pool asks of a worker: run inputs `[from, to)`, or skip a generator from a size. */
export type FromPool =
  | { readonly type: 'run'; readonly from: number; readonly to: number }
  | { readonly type: 'skip'; readonly generator: string; readonly size: number }

/** What a worker tells the pool. */
export type ToPool =
  | { readonly type: 'ready' }
  | { readonly type: 'target'; readonly id: number; readonly name: string }
  | { readonly type: 'finding'; readonly finding: Finding }
  | {
      readonly type: 'minimised'
      readonly signature: string
      readonly index: number
      readonly minimised: Finding['minimised']
    }
  /** The stats of the inputs run since the last, up to and including input `through`. */
  | { readonly type: 'stats'; readonly stats: RunStats; readonly through: number }
  | { readonly type: 'done' }
