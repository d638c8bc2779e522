import { connectFamily } from '@connect-policy/catalog'
import type { ActionData, CatalogAction, CatalogData, ServiceData } from '@connect-policy/core'
import type { z } from 'zod'
import type { CatalogProvider } from '../../dependencies.ts'
import type { DeepReadonly, Handler } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import type {
  catalogActionSchema,
  findActionsOperation,
  getServiceOperation,
  listServicesOperation,
  serviceSummarySchema,
} from './schemas.ts'

type ServiceSummary = DeepReadonly<z.input<typeof serviceSummarySchema>>
type ActionView = DeepReadonly<z.input<typeof catalogActionSchema>>

interface DataIndex {
  readonly summaries: readonly ServiceSummary[]
  readonly services: ReadonlyMap<string, ServiceData>
  /** Actions as the data holds them, by lower-case full name. */
  readonly actions: ReadonlyMap<string, ActionData>
}

const family: ReadonlySet<string> = new Set(connectFamily)
const indexes = new WeakMap<CatalogData, DataIndex>()

function indexOf(data: CatalogData): DataIndex {
  let index = indexes.get(data)
  if (index === undefined) {
    const services = new Map<string, ServiceData>()
    const actions = new Map<string, ActionData>()
    for (const service of data.services) {
      services.set(service.prefix.toLowerCase(), service)
      for (const action of service.actions) {
        actions.set(`${service.prefix}:${action.name}`.toLowerCase(), action)
      }
    }
    const summaries = data.services.map((service) => ({
      prefix: service.prefix,
      name: service.name,
      connectFamily: family.has(service.prefix),
      actions: service.actions.length,
      resourceTypes: service.resourceTypes.length,
      conditionKeys: service.conditionKeys.length,
    }))
    index = { summaries, services, actions }
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

function actionView(action: CatalogAction, data: ActionData | undefined): ActionView {
  return {
    action: action.fullName,
    service: action.service,
    name: action.name,
    accessLevels: action.accessLevels,
    wildcardOnly: action.wildcardOnly,
    resourceTypes: action.resourceTypes.map(({ type, required, conditionKeys }) => ({
      service: type.service,
      name: type.name,
      required,
      arnFormats: type.arnFormats.map((format) => format.source),
      conditionKeys: [...new Set([...conditionKeys, ...type.conditionKeys])],
    })),
    conditionKeys: data?.conditionKeys ?? [],
    dependentActions: action.dependentActions,
  }
}

const wildcard = /[*?]/

export function findActions(catalog: CatalogProvider): Handler<typeof findActionsOperation> {
  return ({ params, query }) => {
    const matching = catalog.catalog().matchActions(params.action)
    if (matching.length === 0 && !wildcard.test(params.action)) {
      throw new ProblemError('not-found', `no service has the action \`${params.action}\``)
    }
    const { actions } = indexOf(catalog.data())
    return {
      pattern: params.action,
      total: matching.length,
      offset: query.offset,
      limit: query.limit,
      actions: matching
        .slice(query.offset, query.offset + query.limit)
        .map((action) => actionView(action, actions.get(action.fullName.toLowerCase()))),
    }
  }
}
