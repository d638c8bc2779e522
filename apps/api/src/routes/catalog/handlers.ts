import { connectFamily } from '@connect-policy/catalog'
import { actionView, type CatalogData, type ServiceData } from '@connect-policy/core'
import type { z } from 'zod'
import type { CatalogProvider } from '../../dependencies.ts'
import type { DeepReadonly, Handler } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import type {
  findActionsOperation,
  getServiceOperation,
  listServicesOperation,
  serviceSummarySchema,
} from './schemas.ts'

type ServiceSummary = DeepReadonly<z.input<typeof serviceSummarySchema>>

interface DataIndex {
  readonly summaries: readonly ServiceSummary[]
  readonly services: ReadonlyMap<string, ServiceData>
}

const family: ReadonlySet<string> = new Set(connectFamily)
const indexes = new WeakMap<CatalogData, DataIndex>()

function indexOf(data: CatalogData): DataIndex {
  let index = indexes.get(data)
  if (index === undefined) {
    const services = new Map<string, ServiceData>()
    for (const service of data.services) services.set(service.prefix.toLowerCase(), service)
    const summaries = data.services.map((service) => ({
      prefix: service.prefix,
      name: service.name,
      connectFamily: family.has(service.prefix),
      actions: service.actions.length,
      resourceTypes: service.resourceTypes.length,
      conditionKeys: service.conditionKeys.length,
    }))
    index = { summaries, services }
    indexes.set(data, index)
  }
  return index
}

export function listServices(catalog: CatalogProvider): Handler<typeof listServicesOperation> {
  return ({ query }) => {
    const data = catalog.data()
    const { summaries } = indexOf(data)
    return {
      source: data.source,
      services:
        query.family === undefined
          ? summaries
          : summaries.filter((service) => service.connectFamily),
    }
  }
}

export function getService(catalog: CatalogProvider): Handler<typeof getServiceOperation> {
  return ({ params }) => {
    const data = catalog.data()
    const service = indexOf(data).services.get(params.prefix.toLowerCase())
    if (service === undefined) {
      throw new ProblemError('not-found', `no service has the prefix \`${params.prefix}\``)
    }
    return { source: data.source, ...service }
  }
}

const wildcard = /[*?]/

export function findActions(catalog: CatalogProvider): Handler<typeof findActionsOperation> {
  return ({ params, query }) => {
    const reference = catalog.catalog()
    const matching = reference.matchActions(params.action)
    if (matching.length === 0 && !wildcard.test(params.action)) {
      throw new ProblemError('not-found', `no service has the action \`${params.action}\``)
    }
    // the catalog gives its actions by full name, as every front end lists them
    return {
      pattern: params.action,
      total: matching.length,
      offset: query.offset,
      limit: query.limit,
      actions: matching
        .slice(query.offset, query.offset + query.limit)
        .flatMap((action) => actionView(reference, action) ?? []),
    }
  }
}
