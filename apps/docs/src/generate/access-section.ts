import {
  type AccessGrant,
  type AccessRegion,
  type Catalog,
  comparePolicies,
  summarizeAccess,
} from '@connect-policy/core'
import { fillPlaceholders, type Sample } from '@connect-policy/samples'
import { htmlBlock, inlineHtml } from '../html.ts'
import { compareActionLists } from './action-list-order.ts'

const identity = (text: string) => ({ identityPolicies: [text] })

/** Lines of access, each with its actions, in the site's order of actions. */
function accessItems(lines: readonly (AccessGrant | AccessRegion)[]): string {
  return [...lines]
    .sort((a, b) => compareActionLists(a.actions, b.actions))
    .map((line) => `<li>${inlineHtml(line.description)}</li>`)
    .join('')
}

/**
 * What the printed original grants against the corrected policy, when an erratum changes it:
 * the access the page promises and the printing misses, and the access the printing grants
 * beyond the corrected policy, each with a request that shows it.
 */
function printedDifference(sample: Sample & { corrected: string }, catalog: Catalog): string {
  const text = sample.printed.original?.text ?? sample.printed.revised?.text
  if (text === undefined) return ''
  const printed = identity(fillPlaceholders(text, sample.placeholders))
  const result = comparePolicies(printed, identity(sample.corrected), { catalog })
  if (result.errors !== undefined || result.relation === 'equivalent') return ''
  const parts: string[] = []
  if (result.added.regions.length > 0) {
    parts.push(
      `<p>Access the corrected policy grants and the printed one does not${result.relation === 'broader' ? ' (the printing promises more than it grants)' : ''}:</p><ul class="access">${accessItems(result.added.regions)}</ul>`,
    )
  }
  if (result.removed.regions.length > 0) {
    parts.push(
      `<p>Access the printed policy grants and the corrected one does not:</p><ul class="access">${accessItems(result.removed.regions)}</ul>`,
    )
  }
  return ['### What the printed policy grants otherwise', htmlBlock(parts.join(''))].join('\n\n')
}

/**
 * The corrected policy's effective access over every request (`summarizeAccess`), by service and
 * access level, each grant with a request it allows; and, when the printing differs in what it
 * grants, the difference, each part with a witness. Grants and differences are listed in the
 * site's order of their actions.
 */
export function accessSection(sample: Sample, catalog: Catalog): string {
  if (sample.corrected === undefined) return ''
  const summary = summarizeAccess(identity(sample.corrected), { catalog })
  if (summary.errors !== undefined) return ''
  const services = summary.services.map((service) => {
    const levels = service.levels.map(
      (level) =>
        `<li><strong>${inlineHtml(level.level)}</strong><ul class="access">${accessItems(level.grants)}</ul></li>`,
    )
    return `<li><strong>${inlineHtml(service.name ?? service.service)}</strong><ul>${levels.join('')}</ul></li>`
  })
  const allows =
    services.length === 0
      ? '<p>It allows nothing.</p>'
      : `<ul class="access-summary">${services.join('')}</ul>`
  const caveat = summary.complete
    ? ''
    : `<p>Not proven whole: ${inlineHtml(summary.reasons.join('; '))}.</p>`
  return [
    '## Effective access',
    htmlBlock(
      `<p>What the corrected policy allows over every request, after its Denies, by service and access level (<code>summarizeAccess</code>); each line ends with a request it allows.</p>${allows}${caveat}`,
    ),
    printedDifference(sample as Sample & { corrected: string }, catalog),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
}
