import { resourceMatch } from '../match/index.ts'
import { fillTemplate, parseResourceTemplate } from './policy-variable.ts'
import { caseFoldable } from './wide-reading.ts'

/**
 * A Resource entry with its variables filled in from the request, or undefined when one has no
 * value: such an entry matches no resource (*Variables and tags*). Variables are read only
 * under Version 2012-10-17; otherwise `${...}` is plain text.
 */
export function resourcePatternFor(
  source: string,
  variablesEnabled: boolean,
  lookup: (key: string) => string | undefined,
  wide = false,
): string | undefined {
  if (!variablesEnabled || !source.includes('${')) return source
  return fillTemplate(parseResourceTemplate(source), lookup, wide)
}

/**
 * Whether a `Resource` or `NotResource` entry matches a resource, its variables filled in; read
 * widely (`readsWidely`), in another case too and with substituted wildcards active.
 */
export function resourceEntryMatches(
  source: string,
  resource: string,
  variablesEnabled: boolean,
  lookup: (key: string) => string | undefined,
  wide: boolean,
): boolean {
  const filled = resourcePatternFor(source, variablesEnabled, lookup, wide)
  if (filled === undefined) return false
  if (resourceMatch(filled, resource)) return true
  return (
    wide && caseFoldable(resource) && resourceMatch(filled.toLowerCase(), resource.toLowerCase())
  )
}
