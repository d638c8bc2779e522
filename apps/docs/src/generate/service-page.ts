import type { CatalogSource, ServiceData } from '@connect-policy/core'
import { escapeHtml, headingText, htmlBlock, row } from '../html.ts'
import { compareActions } from './action-order.ts'
import { breakableHtml } from './breakable.ts'

/** The anchor of a resource type on its service page. */
export const resourceAnchor = (name: string) => `resource-${slug(name)}`
/** The anchor of an action on its service page. */
export const actionAnchor = (name: string) => `action-${slug(name)}`
/** The anchor of a condition key on its service page. */
export const keyAnchor = (name: string) => `key-${slug(name)}`

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** Where the catalog data comes from, in a sentence. */
export function sourceSentence(source: CatalogSource): string {
  return `From the AWS Service Authorization Reference as held by <code>${escapeHtml(source.name)}</code> ${escapeHtml(source.version)}, dated <time datetime="${escapeHtml(source.date)}">${escapeHtml(source.date)}</time>.`
}

function keyLink(name: string, serviceKeys: ReadonlySet<string>): string {
  const code = `<code>${breakableHtml(name)}</code>`
  return serviceKeys.has(name) ? `<a href="#${keyAnchor(name)}">${code}</a>` : code
}

function actionsTable(service: ServiceData, serviceKeys: ReadonlySet<string>): string {
  const types = new Set(service.resourceTypes.map((type) => type.name))
  const actions = [...service.actions].sort((a, b) => compareActions(a.name, b.name))
  const rows = actions.map((action) => {
    const resources =
      action.resourceTypes.length === 0
        ? '<em>none: <code>"Resource": "*"</code></em>'
        : action.resourceTypes
            .map((type) => {
              const name = `${escapeHtml(type.name)}${type.required ? '*' : ''}`
              return types.has(type.name)
                ? `<a href="#${resourceAnchor(type.name)}">${name}</a>`
                : name
            })
            .join(', ')
    const keys = action.conditionKeys.map((key) => keyLink(key, serviceKeys)).join(' ')
    const dependent =
      action.dependentActions === undefined || action.dependentActions.length === 0
        ? ''
        : `<br><small>also needs: ${[...action.dependentActions]
            .sort(compareActions)
            .map((name) => `<code>${breakableHtml(name)}</code>`)
            .join(', ')}</small>`
    return row(
      [
        `<code>${breakableHtml(action.name)}</code>${dependent}`,
        escapeHtml(action.accessLevels.join(', ')),
        resources,
        keys,
      ],
      'td',
      ` id="${actionAnchor(action.name)}"`,
    )
  })
  return `<table class="catalog actions"><thead>${row(['action', 'access level', 'resource types (* required)', 'condition keys'], 'th')}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}

function resourceTypesTable(service: ServiceData, serviceKeys: ReadonlySet<string>): string {
  const rows = service.resourceTypes.map((type) =>
    row(
      [
        `<code>${escapeHtml(type.name)}</code>`,
        type.arnFormats.map((format) => `<code>${breakableHtml(format)}</code>`).join('<br>'),
        type.conditionKeys.map((key) => keyLink(key, serviceKeys)).join(' '),
      ],
      'td',
      ` id="${resourceAnchor(type.name)}"`,
    ),
  )
  return `<table class="catalog resource-types"><thead>${row(['resource type', 'ARN formats', 'condition keys'], 'th')}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}

function conditionKeysTable(service: ServiceData): string {
  const rows = service.conditionKeys.map((key) =>
    row(
      [
        `<code>${breakableHtml(key.name)}</code>`,
        escapeHtml(key.type),
        escapeHtml(key.description ?? ''),
      ],
      'td',
      ` id="${keyAnchor(key.name)}"`,
    ),
  )
  return `<table class="catalog condition-keys"><thead>${row(['condition key', 'type', 'description'], 'th')}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}

/**
 * The page of one service of the catalog: its actions with access levels, resource types and
 * condition keys, in the site's order of actions and with a filter above them; its resource
 * types with ARN formats; its condition keys with types.
 */
export function servicePage(service: ServiceData, source: CatalogSource): string {
  const serviceKeys = new Set(service.conditionKeys.map((key) => key.name))
  const summary = `<p class="service-facts">Service prefix <code>${escapeHtml(service.prefix)}</code> · ${service.actions.length} actions · ${service.resourceTypes.length} resource types · ${service.conditionKeys.length} condition keys.</p><p>${sourceSentence(source)} An action or resource type AWS added after that date is not here.</p>`
  return [
    [
      '---',
      `title: ${JSON.stringify(`${service.name} (${service.prefix})`)}`,
      `description: ${JSON.stringify(`Actions, resource types and condition keys of ${service.name}`)}`,
      'outline: [2, 2]',
      '---',
    ].join('\n'),
    `# ${headingText(service.name)}`,
    htmlBlock(summary),
    '## Actions',
    // The filter comes with the page's script: without it the table is whole and nothing is lost.
    `<TableFilter noun="actions">`,
    htmlBlock(actionsTable(service, serviceKeys), 'table-scroll'),
    '</TableFilter>',
    '## Resource types',
    htmlBlock(resourceTypesTable(service, serviceKeys), 'table-scroll'),
    '## Condition keys',
    htmlBlock(conditionKeysTable(service), 'table-scroll'),
  ]
    .join('\n\n')
    .concat('\n')
}

/** The list of service pages. */
export function servicesIndexPage(services: readonly ServiceData[], source: CatalogSource): string {
  const rows = services.map((service) =>
    row([
      `<a href="/services/${service.prefix}">${escapeHtml(service.name)}</a>`,
      `<code>${escapeHtml(service.prefix)}</code>`,
      String(service.actions.length),
      String(service.resourceTypes.length),
      String(service.conditionKeys.length),
    ]),
  )
  return [
    [
      '---',
      'title: Services',
      'description: The Amazon Connect family of services in the AWS service reference',
      '---',
    ].join('\n'),
    '# Services',
    htmlBlock(
      `<p>Amazon Connect and the services it is built from or sold with. ${sourceSentence(source)}</p><table class="services"><thead>${row(['service', 'prefix', 'actions', 'resource types', 'condition keys'], 'th')}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
    ),
  ]
    .join('\n\n')
    .concat('\n')
}
