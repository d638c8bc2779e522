import type { CatalogData } from '@connect-policy/core'
import type { Sample } from '@connect-policy/samples'
import { compareActions } from './action-order.ts'

/** A request of an example's decision table, as the playground's form holds it. */
export interface PlaygroundRequest {
  readonly description: string
  readonly action: string
  readonly resources: readonly string[]
  readonly principal?: string
}

/** An example the playground can load: its corrected policy and the requests of its table. */
export interface PlaygroundExample {
  readonly id: string
  readonly title: string
  readonly policy: string
  readonly requests: readonly PlaygroundRequest[]
}

/** The examples with a policy to play with, for the playground's picker. */
export function playgroundExamples(samples: readonly Sample[]): PlaygroundExample[] {
  return samples.flatMap((sample) => {
    if (sample.corrected === undefined) return []
    return [
      {
        id: sample.id,
        title: sample.title,
        policy: sample.corrected,
        requests: sample.expectations.map((expectation) => ({
          description: expectation.description,
          action: expectation.request.action,
          resources:
            typeof expectation.request.resource === 'string'
              ? [expectation.request.resource]
              : [...expectation.request.resource],
          ...(expectation.request.principal === undefined
            ? {}
            : { principal: expectation.request.principal }),
        })),
      },
    ]
  })
}

/**
 * The catalog data the playground loads, with each service's actions in the site's order of
 * actions, as the service pages list them, so that any list the playground draws from it reads
 * the same.
 */
export function playgroundCatalogData(data: CatalogData): CatalogData {
  return {
    ...data,
    services: data.services.map((service) => ({
      ...service,
      actions: [...service.actions].sort((a, b) => compareActions(a.name, b.name)),
    })),
  }
}
