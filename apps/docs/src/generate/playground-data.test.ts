import { awsCatalogData } from '@connect-policy/catalog'
import { samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import { compareActions } from './action-order.ts'
import { playgroundCatalogData, playgroundExamples } from './playground-data.ts'

describe('playgroundExamples', () => {
  it('gives the playground every example with a corrected policy, its requests in table order', () => {
    const examples = playgroundExamples(samples)
    const corrected = samples.filter((sample) => sample.corrected !== undefined)
    expect(examples.map((example) => example.id)).toEqual(corrected.map((sample) => sample.id))
    for (const [index, example] of examples.entries()) {
      expect(example.requests.map((request) => request.description)).toEqual(
        corrected[index]?.expectations.map((expectation) => expectation.description),
      )
    }
  })
})

describe('playgroundCatalogData', () => {
  it('lists each service’s actions in the site’s order, and changes nothing else', () => {
    const data = awsCatalogData()
    const sorted = playgroundCatalogData(data)
    expect(sorted.source).toEqual(data.source)
    expect(sorted.services.map((service) => service.prefix)).toEqual(
      data.services.map((service) => service.prefix),
    )
    for (const [index, service] of sorted.services.entries()) {
      const names = service.actions.map((action) => action.name)
      expect(names).toEqual([...names].sort(compareActions))
      expect(new Set(service.actions)).toEqual(new Set(data.services[index]?.actions))
    }
  })
})
