import { type Catalog, createCatalog } from '@connect-policy/core'
import { runSources } from '../sources/run.ts'
import { runCompare } from './compare.ts'
import { runPlayground, validatePlaygroundPolicy } from './run.ts'
import type { WorkerAnswer, WorkerQuestion } from './worker-protocol.ts'

/**
 * A worker's work, as a function of its questions: kept apart from the worker's global scope so
 * that it runs, and is tested, in Node as well.
 */
export function questionAnswerer(): (question: WorkerQuestion) => WorkerAnswer | undefined {
  let catalog: Catalog | undefined
  return (question) => {
    if (question.kind === 'catalog') {
      catalog = question.data === undefined ? undefined : createCatalog(question.data)
      return undefined
    }
    try {
      switch (question.kind) {
        case 'findings':
          return {
            kind: 'findings',
            id: question.id,
            findings: validatePlaygroundPolicy(question.policy, catalog),
          }
        case 'run':
          return { kind: 'run', id: question.id, run: runPlayground(question.state, catalog) }
        case 'compare':
          return { kind: 'compare', id: question.id, view: runCompare(question.state, catalog) }
        case 'sources':
          return { kind: 'sources', id: question.id, view: runSources(question.file, catalog) }
      }
    } catch (error) {
      return { kind: 'failed', id: question.id, message: String(error) }
    }
  }
}
