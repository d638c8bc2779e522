import { fillTemplate, parseResourceTemplate } from './policy-variable.ts'

/**
 * A Resource entry with its variables filled in from the request, or undefined when one has no
 * value: such an entry matches no resource (*Variables and tags*). Variables are read only
 * under Version 2012-10-17; otherwise `${...}` is plain text.
 */
export function resourcePatternFor(
  source: string,
  variablesEnabled: boolean,
  lookup: (key: string) => string | undefined,
): string | undefined {
  if (!variablesEnabled || !source.includes('${')) return source
  return fillTemplate(parseResourceTemplate(source), lookup)
}
