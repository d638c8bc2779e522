import type { Catalog } from '../catalog/index.ts'

const variableNamesOf = new WeakMap<Catalog, ReadonlySet<string>>()

function fold(word: string): string {
  return word.toLowerCase().replace(/[-_]/g, '')
}

/** The identifier names of every ARN format in the catalog (`InstanceId`, `DomainName`), folded. */
function catalogVariableNames(catalog: Catalog): ReadonlySet<string> {
  let names = variableNamesOf.get(catalog)
  if (names === undefined) {
    const found = new Set<string>(['account', 'accountid', 'accountnumber', 'region', 'partition'])
    for (const prefix of catalog.coveredPrefixes) {
      for (const type of catalog.service(prefix)?.resourceTypes ?? []) {
        for (const format of type.arnFormats) {
          for (const field of format.fields) {
            for (const token of field) if (token.kind === 'variable') found.add(fold(token.name))
          }
        }
      }
    }
    names = found
    variableNamesOf.set(catalog, names)
  }
  return names
}

const bracketed = /^(<[^<>]+>|\{[^{}]+\}|\[[^[\]]+\])$/
const shoutedWords = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/
const exampleWords = /^(your|my|example)[-_]?(account|region|instance|domain|user|role|id|name)/i
const placeholderWords = /^(account-?id|account|region|instance-?id|resource-?id|partition)$/i

/**
 * Whether a piece of an ARN is a placeholder left from an example rather than a real value:
 * `<account-id>`, `{region}`, `ACCOUNT_ID`, `your-account`, or the name of an identifier the
 * service reference itself uses (`accountID`, `instanceId`, `domainName`).
 */
export function isPlaceholder(piece: string, catalog: Catalog | undefined): boolean {
  if (piece.length === 0 || /[*?$]/.test(piece)) return false
  if (bracketed.test(piece) || shoutedWords.test(piece) || exampleWords.test(piece)) return true
  if (placeholderWords.test(piece)) return true
  return catalog !== undefined && catalogVariableNames(catalog).has(fold(piece))
}
