import {
  type Catalog,
  didYouMean,
  operatorSpellings,
  readOperatorSpelling,
} from '@connect-policy/core'
import type { Tree } from '@lezer/common'
import { actionDescription, keyDescriber, resourceTypesLine } from './internal/describe.ts'
import { type DocumentText, documentReader } from './internal/document-text.ts'
import { operatorMeaning } from './internal/operators.ts'
import {
  actionConditionKeys,
  statementActions,
  statementPlace,
  statementServices,
} from './internal/statement.ts'
import { decodeString } from './internal/syntax.ts'
import { type PolicyPath, policyPath } from './policy-path.ts'

/** What to show over a word of a policy: plain text, for the editor to lay out. */
export interface PolicyHover {
  /** The string's content the hover is about, quotes excluded. */
  readonly from: number
  readonly to: number
  /** The word as the reference writes it (an action, a key) or as written (a pattern, an operator). */
  readonly title: string
  /** Lines of plain text, without final periods. */
  readonly body: readonly string[]
}

/** How many actions a wildcard's hover names. */
const namedMatches = 5

/** The string at a position: between its quotes, or on either quote. */
function stringAt(tree: Tree, text: DocumentText, position: number): PolicyPath | undefined {
  const at = policyPath(tree, text, position)
  if (at?.quoted === true) return at
  const reader = documentReader(text)
  if (reader.charAt(position) !== '"') return undefined
  const next = policyPath(tree, text, position + 1)
  return next?.quoted === true && next.from === position + 1 ? next : undefined
}

/** That the catalog knows a service by name only, when it does (a subset of the reference). */
function serviceNotHeld(catalog: Catalog, prefix: string): string | undefined {
  if (catalog.service(prefix) !== undefined) return undefined
  const name = catalog.serviceName(prefix)
  return name === undefined ? undefined : `The catalog does not hold the actions of ${name}`
}

/** Why `service:Name` is not in the catalog, with the nearest name when there is one. */
function unknownActionLine(catalog: Catalog, written: string): string {
  const colon = written.indexOf(':')
  if (colon < 0) return 'An action is written service:Name, such as connect:DescribeUser'
  const prefix = written.slice(0, colon)
  const service = catalog.service(prefix)
  if (service === undefined) {
    return (
      serviceNotHeld(catalog, prefix) ??
      `No service of the catalog has the prefix ${prefix}${didYouMean(prefix, catalog.servicePrefixes)}`
    )
  }
  const names = service.actions.map((action) => action.fullName)
  return `Not an action of ${service.name}${didYouMean(written, names)}`
}

function actionHover(catalog: Catalog, written: string): Omit<PolicyHover, 'from' | 'to'> {
  if (written.includes('*') || written.includes('?')) {
    const matches = catalog.matchActions(written)
    const count = matches.length
    if (count === 0) {
      const colon = written.indexOf(':')
      const notHeld = colon < 0 ? undefined : serviceNotHeld(catalog, written.slice(0, colon))
      return {
        title: written,
        body: ['Matches no action the catalog holds', ...(notHeld === undefined ? [] : [notHeld])],
      }
    }
    const named = matches.slice(0, namedMatches).map((action) => action.fullName)
    return {
      title: written,
      body: [
        `Matches ${count} action${count === 1 ? '' : 's'}`,
        count > namedMatches ? `${named.join(', ')}, …` : named.join(', '),
      ],
    }
  }
  const action = catalog.action(written)
  if (action === undefined) return { title: written, body: [unknownActionLine(catalog, written)] }
  const keys = actionConditionKeys(action)
  const description = actionDescription(action)
  return {
    title: action.fullName,
    body: [
      `Access level: ${action.accessLevels.join(', ')}`,
      ...(description === undefined ? [] : [description]),
      resourceTypesLine(action),
      keys.length === 0
        ? 'Condition keys: none of its own; the global keys apply'
        : `Condition keys: ${keys.join(', ')}`,
      ...(action.dependentActions.length === 0
        ? []
        : [`Also needs: ${action.dependentActions.join(', ')}`]),
    ],
  }
}

function conditionKeyHover(
  catalog: Catalog,
  written: string,
  services: readonly string[],
): Omit<PolicyHover, 'from' | 'to'> {
  const key = catalog.conditionKey(written)
  if (key === undefined) {
    const prefix = written.slice(0, Math.max(0, written.indexOf(':')))
    const known = [
      ...catalog.globalKeyNames,
      ...(catalog.service(prefix)?.conditionKeys.map(({ name }) => name) ?? []),
    ]
    return {
      title: written,
      body: [`Not a condition key the catalog knows${didYouMean(written, known)}`],
    }
  }
  const service = catalog.serviceName(key.name.slice(0, Math.max(0, key.name.indexOf(':'))))
  return {
    title: written,
    body: [
      key.multivalued
        ? `Type: ${key.type}, several values in a request: use ForAnyValue: or ForAllValues:`
        : `Type: ${key.type}`,
      ...(key.name === written ? [] : [`Key: ${key.name}`]),
      key.global
        ? 'Global condition key'
        : `Condition key of ${service ?? key.name.slice(0, key.name.indexOf(':'))}`,
      ...[keyDescriber(catalog, services)(key)].filter((line) => line !== undefined),
    ],
  }
}

const spellings = operatorSpellings.map(({ written }) => written)

function operatorHover(written: string): Omit<PolicyHover, 'from' | 'to'> {
  const operator = readOperatorSpelling(written)
  return {
    title: written,
    body: [
      operator === undefined
        ? `Not a condition operator${didYouMean(written, spellings)}`
        : operatorMeaning(operator),
    ],
  }
}

/**
 * What to show over a word of a policy document: over an action of `Action` or `NotAction`,
 * its access level, the reference's description of it, resource types (those every request
 * names marked required), condition keys and the actions it also needs; over a wildcard
 * pattern, how many actions it matches and the first few; over a condition key, its type and
 * description; over a condition operator, what it asks. Names the catalog does not know get a
 * line saying so, with the nearest known name. Undefined anywhere else.
 *
 * `tree` is @lezer/json's tree of the text and `text` the document or a function reading a
 * slice of it, as for `policyPath`; `position` may be on a string's quotes.
 */
export function policyHover(
  tree: Tree,
  text: DocumentText,
  position: number,
  catalog: Catalog,
): PolicyHover | undefined {
  const at = stringAt(tree, text, position)
  if (at === undefined) return undefined
  const reader = documentReader(text)
  const written = decodeString(`"${reader.slice(at.from, at.to)}"`)
  if (written === '') return undefined
  const place = statementPlace(at.path)
  if (place === undefined) return undefined
  const { within } = place
  const [element, second] = within
  let hover: Omit<PolicyHover, 'from' | 'to'> | undefined
  if (at.kind === 'value') {
    const listed = within.length === 1 || (within.length === 2 && typeof second === 'number')
    if ((element === 'Action' || element === 'NotAction') && listed) {
      hover = actionHover(catalog, written)
    }
  } else if (element === 'Condition' && within.length === 1) {
    hover = operatorHover(written)
  } else if (element === 'Condition' && within.length === 2) {
    const actions = statementActions(tree, reader, place.statement, catalog)
    hover = conditionKeyHover(catalog, written, statementServices(actions))
  }
  return hover === undefined ? undefined : { from: at.from, to: at.to, ...hover }
}
