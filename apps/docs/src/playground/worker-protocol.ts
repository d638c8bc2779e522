import type { CatalogData, Finding } from '@connect-policy/core'
import type { SourceFile } from '@connect-policy/sources'
import type { SourcesView } from '../sources/run.ts'
import type { CompareState, CompareView } from './compare.ts'
import type { PlaygroundRun } from './run.ts'
import type { PlaygroundPolicy, PlaygroundState } from './state.ts'

/**
 * What the page asks of a worker: the service reference once, then findings of one policy, the
 * whole run of a state, a comparison, or the policies and findings of a file. `id` pairs an answer with its question.
 */
export type WorkerQuestion =
  | { readonly kind: 'catalog'; readonly data: CatalogData | undefined }
  | { readonly kind: 'findings'; readonly id: number; readonly policy: PlaygroundPolicy }
  | { readonly kind: 'run'; readonly id: number; readonly state: PlaygroundState }
  | { readonly kind: 'compare'; readonly id: number; readonly state: CompareState }
  | { readonly kind: 'sources'; readonly id: number; readonly file: SourceFile }

/** A worker's answer; `failed` when the work threw, which no input should make it do. */
export type WorkerAnswer =
  | { readonly kind: 'findings'; readonly id: number; readonly findings: readonly Finding[] }
  | { readonly kind: 'run'; readonly id: number; readonly run: PlaygroundRun }
  | { readonly kind: 'compare'; readonly id: number; readonly view: CompareView }
  | { readonly kind: 'sources'; readonly id: number; readonly view: SourcesView }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string }

/** The questions that get an answer. */
export type AnsweredQuestion = Exclude<WorkerQuestion, { kind: 'catalog' }>
