import type { Catalog } from '@connect-policy/core'
import { type Sample, samples, sourceDocuments } from '@connect-policy/samples'
import type { CatalogProvider } from '../../dependencies.ts'
import type { Handler } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import { type SampleView, sampleView } from './sample-view.ts'
import type { getSampleOperation, listSamplesOperation } from './schemas.ts'

/**
 * Views depend only on the samples, the catalog and the code, all fixed for the life of the
 * process, so each is computed once, on first use, and kept.
 */
const views = new WeakMap<Catalog, Map<string, SampleView>>()

function viewOf(sample: Sample, catalog: Catalog, explain: boolean): SampleView {
  let byKey = views.get(catalog)
  if (byKey === undefined) {
    byKey = new Map()
    views.set(catalog, byKey)
  }
  const key = `${sample.id}:${explain}`
  let view = byKey.get(key)
  if (view === undefined) {
    view = sampleView(sample, catalog, explain)
    byKey.set(key, view)
  }
  return view
}

/** Computes the views the list shows, so that the first caller does not wait for them. */
export function warmSamples(catalog: Catalog): void {
  for (const sample of samples) viewOf(sample, catalog, false)
}

export function listSamples(catalog: CatalogProvider): Handler<typeof listSamplesOperation> {
  return () => ({
    documents: Object.values(sourceDocuments),
    samples: samples.map((sample) => viewOf(sample, catalog.catalog(), false)),
  })
}

export function getSample(catalog: CatalogProvider): Handler<typeof getSampleOperation> {
  return ({ params, query }) => {
    const sample = samples.find((candidate) => candidate.id === params.id)
    if (sample === undefined) {
      throw new ProblemError('not-found', `no sample has the id \`${params.id}\``)
    }
    return viewOf(sample, catalog.catalog(), query.explain)
  }
}
