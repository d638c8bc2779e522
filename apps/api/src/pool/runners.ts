import { awsCatalogProvider } from '../dependencies.ts'
import { analyzer } from '../routes/analyze/analyze-body.ts'
import { evaluator } from '../routes/evaluate/evaluate-body.ts'
import { sourcesValidator } from '../routes/sources/sources-body.ts'
import { validator } from '../routes/validate/validate-body.ts'
import type { WorkerSettings } from './messages.ts'
import type { TaskRunners } from './tasks.ts'

/**
 * The work of a worker thread: the AWS service reference, loaded here, once per thread, and the
 * routes' evaluator (with the thread's own cache of compiled sets), validators and analyses over
 * it.
 */
export function loadRunners({ cacheBytes }: WorkerSettings): TaskRunners {
  const catalog = awsCatalogProvider()
  catalog.load()
  return {
    evaluate: evaluator({ cacheBytes, catalog }),
    validate: validator(catalog),
    analyze: analyzer(catalog),
    sources: sourcesValidator(catalog),
  }
}
