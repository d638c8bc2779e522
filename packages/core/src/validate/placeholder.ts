import type { Catalog } from '../catalog/index.ts'

interface FormatWords {
  /** Identifier names of the formats (`InstanceId`), folded. */
  readonly variables: ReadonlySet<string>
  /** Fixed words of the formats (`launchConfigurationName` in Auto Scaling's), folded. */
  readonly literals: ReadonlySet<string>
}

const formatWordsOf = new WeakMap<Catalog, FormatWords>()

function fold(word: string): string {
  return word.toLowerCase().replace(/[-_]/g, '')
}

/** The words of every ARN format in the catalog, worked out once per catalog. */
function formatWords(catalog: Catalog): FormatWords {
  let words = formatWordsOf.get(catalog)
  if (words === undefined) {
    const variables = new Set<string>()
    const literals = new Set<string>()
    for (const prefix of catalog.coveredPrefixes) {
      for (const type of catalog.service(prefix)?.resourceTypes ?? []) {
        for (const format of type.arnFormats) {
          for (const token of format.fields[4]) {
            if (token.kind === 'variable') variables.add(fold(token.name))
            else for (const word of token.text.split(/[/:]/)) literals.add(fold(word))
          }
        }
      }
    }
    words = { variables, literals }
    formatWordsOf.set(catalog, words)
  }
  return words
}

const bracketed = /^(<[^<>]+>|\{[^{}]+\}|\[[^[\]]+\])$/
const shoutedWords = /^([A-Z]+_)*(ACCOUNT|REGION|ID|NAME|ARN|NUMBER)(_ID)?$/
const exampleWords = /^(your|example)[-_]?(account|region|instance|domain|user|role|id|name)/i
const placeholderWords = /^(account-?id|account-?number|instance-?id|resource-?id)$/i
/** Identifier names as examples write them: `instanceId`, `domainName`, `assistantID`. */
const identifierShape = /^[A-Za-z][a-z]*([A-Z][a-z]+)*(Id|ID|Name|Arn|ARN)$/

/**
 * Whether a piece of an ARN is a placeholder left from an example rather than a real value:
 * `<account-id>`, `{region}`, `ACCOUNT_ID`, `your-account`, or, shaped like an identifier's
 * name, the name of one the service reference itself uses (`instanceId`, `domainName`).
 */
export function isPlaceholder(piece: string, catalog: Catalog | undefined): boolean {
  if (piece.length === 0 || /[*?$]/.test(piece)) return false
  if (bracketed.test(piece) || shoutedWords.test(piece) || exampleWords.test(piece)) return true
  if (placeholderWords.test(piece)) return true
  if (catalog === undefined || !identifierShape.test(piece)) return false
  const { variables, literals } = formatWords(catalog)
  return variables.has(fold(piece)) && !literals.has(fold(piece))
}

/** Whether a condition value is a placeholder; values are often enumerations, so only clear cases. */
export function isPlaceholderValue(value: string): boolean {
  return bracketed.test(value) || exampleWords.test(value) || placeholderWords.test(value)
}

/** Whether a Region field holds a placeholder (`region`, `<region>`, `REGION`). */
export function isRegionPlaceholder(region: string): boolean {
  return (
    /^(aws-|your-)?region$/i.test(region) || bracketed.test(region) || shoutedWords.test(region)
  )
}
