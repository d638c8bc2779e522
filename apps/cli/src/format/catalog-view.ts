import {
  type ActionView,
  actionView,
  type Catalog,
  type CatalogService,
  type CatalogSource,
  type ConditionKeyData,
} from '@connect-policy/core'
import type { Style } from './style.ts'
import { table } from './table.ts'

export interface ServiceView {
  readonly prefix: string
  readonly name: string
  readonly actions: readonly ActionView[]
  readonly resourceTypes: readonly {
    readonly name: string
    readonly arnFormats: readonly string[]
    readonly conditionKeys: readonly string[]
  }[]
  readonly conditionKeys: readonly ConditionKeyData[]
}

export function serviceView(service: CatalogService, catalog: Catalog): ServiceView {
  return {
    prefix: service.prefix,
    name: service.name,
    // the catalog gives a service's actions by name, as every front end lists them
    actions: service.actions.flatMap((action) => actionView(catalog, action) ?? []),
    resourceTypes: service.resourceTypes.map((type) => ({
      name: type.name,
      arnFormats: type.arnFormats.map((format) => format.source),
      conditionKeys: type.conditionKeys,
    })),
    conditionKeys: service.conditionKeys,
  }
}

/** The line every `catalog` output starts with: where the data comes from and how old it is. */
export function sourceLine(source: CatalogSource, style: Style): string {
  return style.dim(`service reference: ${source.name} ${source.version}, data of ${source.date}`)
}

function resourceTypeList(view: ActionView): string {
  if (view.resourceTypes.length === 0) return '* (no resource type)'
  return view.resourceTypes.map((type) => `${type.name}${type.required ? '*' : ''}`).join(', ')
}

const requiredLegend = 'resource types marked * are required: every request names one'

function actionTable(actions: readonly ActionView[], style: Style): string[] {
  return table(
    ['action', 'access level', 'resource types'],
    actions.map((view) => [view.action, view.accessLevels.join(', '), resourceTypeList(view)]),
    style,
  )
}

export function renderServiceHuman(view: ServiceView, source: CatalogSource, style: Style): string {
  const out = [
    style.bold(`${view.name} (${view.prefix})`),
    sourceLine(source, style),
    '',
    style.bold(`actions (${view.actions.length})`),
    ...actionTable(view.actions, style),
    style.dim(requiredLegend),
    '',
    style.bold(`resource types (${view.resourceTypes.length})`),
    ...table(
      ['resource type', 'ARN format'],
      view.resourceTypes.flatMap((type) =>
        type.arnFormats.map((format, index) => [index === 0 ? type.name : '', format]),
      ),
      style,
    ),
    '',
    style.bold(`condition keys (${view.conditionKeys.length})`),
    ...table(
      ['condition key', 'type', 'description'],
      view.conditionKeys.map((key) => [key.name, key.type, key.description ?? '']),
      style,
    ),
  ]
  return `${out.join('\n')}\n`
}

function renderActionDetail(view: ActionView, style: Style): string[] {
  const out = [style.bold(view.action), `  access level: ${view.accessLevels.join(', ')}`]
  if (view.resourceTypes.length === 0) {
    out.push('  resource types: none: the action takes `Resource: "*"` only')
  } else {
    out.push('  resource types:')
    for (const type of view.resourceTypes) {
      const required = type.required ? ' (required)' : ''
      out.push(`    ${type.name}${required}`)
      for (const format of type.arnFormats) out.push(`      ${style.dim(format)}`)
      if (type.conditionKeys.length > 0) {
        out.push(`      condition keys: ${type.conditionKeys.join(', ')}`)
      }
    }
  }
  out.push(
    view.conditionKeys.length === 0
      ? '  condition keys of the action: none beyond the global keys'
      : `  condition keys of the action: ${view.conditionKeys.join(', ')}`,
  )
  if (view.dependentActions.length > 0) {
    out.push(`  dependent actions: ${view.dependentActions.join(', ')}`)
  }
  return out
}

/** The actions a pattern names: one in full, several as a table. */
export function renderActionsHuman(
  pattern: string,
  actions: readonly ActionView[],
  source: CatalogSource,
  style: Style,
): string {
  const count = `${actions.length} ${actions.length === 1 ? 'action' : 'actions'}`
  const out = [`\`${pattern}\` names ${count}`, sourceLine(source, style), '']
  const [only] = actions
  if (actions.length === 1 && only !== undefined) out.push(...renderActionDetail(only, style))
  else out.push(...actionTable(actions, style), style.dim(requiredLegend))
  return `${out.join('\n')}\n`
}
