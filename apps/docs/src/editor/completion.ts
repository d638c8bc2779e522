import {
  type ArnFormat,
  type Catalog,
  type CatalogAction,
  type CatalogConditionKey,
  type CatalogResourceType,
  type CatalogService,
  effects,
  operatorSpellings,
  principalTypes,
  readOperatorSpelling,
} from '@connect-policy/core'
import type { Tree } from '@lezer/common'
import { alignArn, arnValues, knownArnValues, writePieces } from './internal/arn-template.ts'
import { actionDescription, keyDescriber, resourceTypesLine } from './internal/describe.ts'
import { type DocumentReader, type DocumentText, documentReader } from './internal/document-text.ts'
import { operatorMeaning } from './internal/operators.ts'
import { skeletonsAt } from './internal/skeletons.ts'
import {
  actionConditionKeys,
  defaultService,
  documentElements,
  exclusiveElements,
  statementActions,
  statementElements,
  statementPlace,
  statementServices,
} from './internal/statement.ts'
import { type PathStep, propertiesOf, stringOf, valueAt } from './internal/syntax.ts'
import { type PolicyPath, policyPath } from './policy-path.ts'

/** The kinds of option, named as CodeMirror names the icons it shows beside them. */
export const policyCompletionTypes = [
  'property',
  'constant',
  'function',
  'namespace',
  'type',
  'keyword',
  'variable',
  'text',
] as const
export type PolicyCompletionType = (typeof policyCompletionTypes)[number]

/** One option, in the shape of CodeMirror's `Completion`. */
export interface PolicyCompletion {
  readonly label: string
  /** A short note shown beside the label: an access level, a key's type, a resource type. */
  readonly detail?: string
  /**
   * Plain text shown beside the selected option, lines separated by `\n`: for an action, the
   * reference's description, then its resource types.
   */
  readonly info?: string
  readonly type: PolicyCompletionType
  /** The text inserted instead of the label, with the quotes the position still needs. */
  readonly apply?: string
  /**
   * A whole piece of policy inserted instead of the label, in CodeMirror's snippet syntax
   * (`snippet` of @codemirror/autocomplete): `#{1}`, `#{2}` are the fields Tab moves through;
   * a tab at a line's start is one indent unit.
   */
  readonly snippet?: string
}

/** What `policyCompletions` offers, in the shape of CodeMirror's `CompletionResult`. */
export interface PolicyCompletions {
  /** The range an option replaces: the string's content, or the word typed without quotes. */
  readonly from: number
  readonly to: number
  readonly options: readonly PolicyCompletion[]
  /**
   * Given when the options are every one there is for the text, and stay so while the text
   * grows as `validFor` accepts: CodeMirror then filters them itself instead of asking again.
   */
  readonly validFor?: (text: string) => boolean
}

export interface PolicyCompletionOptions {
  /**
   * The most options one result holds (`defaultCompletionLimit` unless given; at least one;
   * `Infinity` for no limit).
   */
  readonly limit?: number
}

/**
 * The most options a result holds unless told otherwise: every action of the site's playground
 * catalog (the Amazon Connect family, about a thousand) or of any one service fits, built in a
 * few milliseconds; the whole reference (some 22,000 actions, about 50 ms) does not.
 */
export const defaultCompletionLimit = 2000

/** An option before the quotes it needs are known. */
interface Candidate {
  readonly option: PolicyCompletion
  /** Text to insert instead of the label, when the label is not what is typed (a key's stem). */
  readonly insert?: string
}

/** The options for a position, and whether they stay valid as the text grows. */
interface Offer {
  readonly candidates: readonly Candidate[]
  readonly validFor?: (text: string) => boolean
}

interface Context {
  readonly tree: Tree
  readonly reader: DocumentReader
  readonly at: PolicyPath
  readonly catalog: Catalog
  readonly limit: number
  /** The token's whole text, as CodeMirror filters the options by it. */
  readonly content: string
}

const anyText = () => true

/** Fixed options, whatever is typed. */
const fixed = (options: readonly PolicyCompletion[]): Offer => ({
  candidates: options.map((option) => ({ option })),
  validFor: anyText,
})

/** At most `limit` candidates; `validFor` holds only when none had to be left out. */
function limited(
  groups: readonly (readonly Candidate[])[],
  limit: number,
  validFor: (text: string) => boolean,
): Offer {
  const candidates: Candidate[] = []
  for (const group of groups) {
    for (const candidate of group) {
      if (candidates.length >= limit) return { candidates }
      candidates.push(candidate)
    }
  }
  return { candidates, validFor }
}

const elementNotes: Readonly<Record<string, string>> = {
  Version: 'policy language version',
  Statement: 'one statement or a list of them',
  Id: 'policy identifier',
  Sid: 'statement identifier',
  Effect: 'Allow or Deny',
  Action: 'actions the statement applies to',
  NotAction: 'actions the statement leaves out',
  Resource: 'resources the statement applies to',
  NotResource: 'resources the statement leaves out',
  Principal: 'who the statement applies to',
  NotPrincipal: 'who the statement leaves out',
  Condition: 'when the statement applies',
}

/** The names of the object at a path, but for the one being typed at the position. */
function presentNames(context: Context, objectPath: readonly PathStep[]): Set<string> {
  const object = valueAt(context.tree, context.reader, objectPath)
  if (object?.name !== 'Object') return new Set()
  const names = propertiesOf(object, context.reader).filter(
    ({ node }) => node.getChild('PropertyName')?.from !== context.at.from - 1,
  )
  return new Set(names.map(({ key }) => key))
}

function elementOffer(names: readonly string[]): Offer {
  return fixed(
    names.map((name) => ({
      label: name,
      type: 'property',
      ...(elementNotes[name] === undefined ? {} : { detail: elementNotes[name] }),
    })),
  )
}

function documentElementOffer(context: Context): Offer {
  const present = presentNames(context, [])
  return elementOffer(documentElements.filter((name) => !present.has(name)))
}

function statementElementOffer(context: Context, statement: readonly PathStep[]): Offer {
  const present = presentNames(context, statement)
  return elementOffer(
    statementElements.filter(
      (name) => !present.has(name) && !present.has(exclusiveElements[name] ?? ''),
    ),
  )
}

// options of the catalog's own objects, made once per object: a keystroke in an Action value
// can ask for up to the limit of them
const actionOptions = new WeakMap<CatalogAction, PolicyCompletion>()
const serviceOptions = new WeakMap<CatalogService, PolicyCompletion>()
const foldedActionNames = new WeakMap<Catalog, readonly string[]>()

function actionOption(action: CatalogAction): PolicyCompletion {
  let option = actionOptions.get(action)
  if (option === undefined) {
    const description = actionDescription(action)
    option = {
      label: action.fullName,
      detail: action.accessLevels.join(', '),
      info:
        description === undefined
          ? resourceTypesLine(action)
          : `${description}\n${resourceTypesLine(action)}`,
      type: 'function',
    }
    actionOptions.set(action, option)
  }
  return option
}

function serviceOption(service: CatalogService): PolicyCompletion {
  let option = serviceOptions.get(service)
  if (option === undefined) {
    const count = service.actions.length
    option = {
      label: `${service.prefix}:*`,
      detail: `${count} action${count === 1 ? '' : 's'}`,
      info: `Every action of ${service.name}`,
      type: 'namespace',
    }
    serviceOptions.set(service, option)
  }
  return option
}

function foldedNamesOf(catalog: Catalog): readonly string[] {
  let names = foldedActionNames.get(catalog)
  if (names === undefined) {
    names = catalog.allActions.map((action) => action.name.toLowerCase())
    foldedActionNames.set(catalog, names)
  }
  return names
}

const asCandidate = (option: PolicyCompletion): Candidate => ({ option })

/**
 * Actions and `service:*` wildcards. After a colon, the service's own; before one, the services
 * whose prefix starts with the text, then the actions of those services, then the actions whose
 * name starts with it (`DescribeU` finds `connect:DescribeUser`). With nothing typed and more
 * than the limit, the services alone: choosing one is the first step.
 */
function actionOffer(context: Context): Offer | undefined {
  const { catalog, limit } = context
  const folded = context.content.toLowerCase()
  const colon = folded.indexOf(':')
  if (colon >= 0) {
    const prefix = folded.slice(0, colon)
    const service = catalog.service(prefix)
    if (service === undefined) return undefined
    return limited(
      [[asCandidate(serviceOption(service))], service.actions.map(actionOption).map(asCandidate)],
      limit,
      (text) => text.toLowerCase().startsWith(`${prefix}:`),
    )
  }
  const services = catalog.coveredPrefixes
    .filter((prefix) => prefix.startsWith(folded))
    .flatMap((prefix) => catalog.service(prefix) ?? [])
  const wildcards = services.map((service) => asCandidate(serviceOption(service)))
  const actionCount = services.reduce((sum, service) => sum + service.actions.length, 0)
  if (folded === '' && wildcards.length + actionCount > limit) {
    return { candidates: wildcards.slice(0, limit) }
  }
  const serviceActions = services.flatMap((service) => service.actions)
  const byName: CatalogAction[] = []
  if (folded !== '') {
    const names = foldedNamesOf(catalog)
    catalog.allActions.forEach((action, index) => {
      if (names[index]?.startsWith(folded) && !action.service.toLowerCase().startsWith(folded)) {
        byName.push(action)
      }
    })
  }
  // the options are made for the first `limit` only: a letter can match thousands of actions
  const actions = [...serviceActions, ...byName].slice(0, limit + 1)
  return limited(
    [wildcards, actions.map((action) => asCandidate(actionOption(action)))],
    limit,
    (text) => text.toLowerCase().startsWith(folded),
  )
}

/** The first few of a statement's actions that act on a resource type, as shown in its info. */
const shownActions = 3

function resourceTypeInfo(catalog: Catalog, type: CatalogResourceType, actions: readonly string[]) {
  const service = catalog.serviceName(type.service) ?? type.service
  const lines = [`Resource type ${type.name} of ${service}`]
  if (actions.length > 0) {
    const shown = actions.slice(0, shownActions).join(', ')
    lines.push(`For ${shown}${actions.length > shownActions ? ', …' : ''}`)
  }
  return lines.join('\n')
}

const everyResource: PolicyCompletion = {
  label: '*',
  detail: 'every resource',
  info: 'Every resource; the only value that reaches actions that take no resource',
  type: 'constant',
}

/**
 * `*`, and the ARN formats of the resource types the statement's actions act on (when the
 * statement names no action the catalog holds, those of every Amazon Connect resource type),
 * each continued from what is typed with the values the document's other ARNs give.
 */
function resourceOffer(context: Context, statement: readonly PathStep[]): Offer {
  const { catalog, limit } = context
  const actions = statementActions(context.tree, context.reader, statement, catalog)
  // the types in the order the actions name them, each with the first actions naming it; the
  // reading stops once the formats pass the limit, which `"Action": "*"` reaches early
  const uses = new Map<CatalogResourceType, string[]>()
  let formatCount = 0
  for (const action of actions) {
    if (formatCount > limit) break
    for (const { type, required } of action.resourceTypes) {
      let named = uses.get(type)
      if (named === undefined) {
        named = []
        uses.set(type, named)
        formatCount += type.arnFormats.length
      }
      if (named.length <= shownActions)
        named.push(`${action.fullName}${required ? ' (required)' : ''}`)
    }
  }
  const types =
    actions.length === 0 ? (catalog.service(defaultService)?.resourceTypes ?? []) : [...uses.keys()]
  const known = knownArnValues(documentArns(context), keptArnValues(catalog))
  const formats: Candidate[] = []
  for (const type of types) {
    if (formats.length > limit) break
    const info = resourceTypeInfo(catalog, type, uses.get(type) ?? [])
    for (const format of type.arnFormats) {
      for (const label of arnLabels(format, context.content, known, catalog)) {
        formats.push({ option: { label, detail: type.name, info, type: 'type' } })
      }
    }
  }
  // the labels hold what is typed, so a longer text asks again rather than filtering these
  return { candidates: limited([[{ option: everyResource }], formats], limit, anyText).candidates }
}

/** The most values of one variable offered for each format: the Regions or accounts in use. */
const knownValuesOffered = 8

/** The most other ARNs of the document read for the values they give. */
const knownArnsRead = 1000

/**
 * The ARNs of a format that continue what is typed: the values other ARNs of the document give
 * the variable being typed (and, for `${Partition}`, the catalog's partitions), then the format
 * itself. Variables after the typed text are written as the one value the document gives them,
 * if it gives one. Nothing when the typed text does not fit the format.
 */
function arnLabels(
  format: ArnFormat,
  typed: string,
  known: ReadonlyMap<string, readonly string[]>,
  catalog: Catalog,
): string[] {
  const alignment = alignArn(format, typed)
  if (alignment === undefined) return []
  const rest = writePieces(alignment.rest, known)
  const { current, before } = alignment
  if (current === undefined) return rest === '' ? [] : [typed + rest]
  // each value once: a document's `aws` is also the catalog's
  const values = new Set([
    ...(known.get(current.key) ?? []),
    ...(current.name === 'Partition' ? catalog.partitions : []),
  ])
  const filled = [...values]
    .filter((value) => value.startsWith(current.typed))
    .slice(0, knownValuesOffered)
    .map((value) => before + value + rest)
  const written = current.typed === '' ? `\${${current.name}}` : current.typed
  return [...filled, before + written + rest]
}

// What each ARN gives, kept across keystrokes: while one ARN is typed, the document's others
// stay as they are, and reading a few hundred of them against every format takes tens of ms
const keptValues = new WeakMap<Catalog, Map<string, readonly (readonly [string, string])[]>>()
const keptValuesAtMost = 5000

function keptArnValues(catalog: Catalog) {
  let kept = keptValues.get(catalog)
  if (kept === undefined) {
    kept = new Map()
    keptValues.set(catalog, kept)
  }
  const formats = new Map<string, readonly ArnFormat[]>()
  const formatsOf = (service: string) => {
    let found = formats.get(service)
    if (found === undefined) {
      found = (catalog.service(service)?.resourceTypes ?? []).flatMap((type) => type.arnFormats)
      formats.set(service, found)
    }
    return found
  }
  const cache = kept
  return (arn: string) => {
    let values = cache.get(arn)
    if (values === undefined) {
      if (cache.size >= keptValuesAtMost) cache.clear()
      values = arnValues(arn, formatsOf)
      cache.set(arn, values)
    }
    return values
  }
}

/** The ARNs the document's strings hold, but for the string being typed. */
function documentArns(context: Context): string[] {
  const { reader, at } = context
  const arns: string[] = []
  context.tree.iterate({
    enter: (node) => {
      if (arns.length >= knownArnsRead) return false
      if (node.name !== 'String') return undefined
      const typedHere = node.from <= at.from && at.from <= node.to
      if (!typedHere && reader.slice(node.from, node.from + 5) === '"arn:') {
        arns.push(stringOf(node.node, reader))
      }
      return false
    },
  })
  return arns
}

const operatorOptions: readonly PolicyCompletion[] = operatorSpellings.map((spelling) => ({
  label: spelling.written,
  detail: spelling.qualifier === undefined ? spelling.family : `${spelling.family}, set`,
  info: operatorMeaning(spelling),
  type: 'keyword',
}))

function keyCandidate(
  catalog: Catalog,
  name: string,
  describe: (key: CatalogConditionKey) => string | undefined,
): Candidate {
  const key = catalog.conditionKey(name)
  const description = key === undefined ? undefined : describe(key)
  const service = catalog.serviceName(name.slice(0, Math.max(0, name.indexOf(':'))))
  const info = [
    description,
    key?.global === true
      ? 'Global condition key'
      : service === undefined
        ? undefined
        : `Condition key of ${service}`,
  ].filter((line) => line !== undefined)
  const variable = name.indexOf('${')
  return {
    option: {
      label: name,
      ...(key === undefined ? {} : { detail: key.type }),
      ...(info.length === 0 ? {} : { info: info.join('\n') }),
      type: 'variable',
    },
    // a key with a variable part (`aws:ResourceTag/${TagKey}`) is typed up to it, then the tag
    ...(variable > 0 ? { insert: name.slice(0, variable) } : {}),
  }
}

/**
 * The keys of the statement's actions (of Amazon Connect when it names none the catalog holds),
 * then the global keys.
 */
function conditionKeyOffer(context: Context, statement: readonly PathStep[]): Offer {
  const { catalog, limit } = context
  const actions = statementActions(context.tree, context.reader, statement, catalog)
  const names = new Map<string, string>()
  const add = (name: string) => {
    const folded = name.toLowerCase()
    if (!names.has(folded)) names.set(folded, name)
  }
  if (actions.length === 0) {
    for (const key of catalog.service(defaultService)?.conditionKeys ?? []) add(key.name)
  }
  for (const action of actions) {
    if (names.size > limit) break
    for (const name of actionConditionKeys(action)) add(name)
  }
  const serviceKeys = [...names.values()]
  for (const name of catalog.globalKeyNames) add(name)
  const globalKeys = [...names.values()].slice(serviceKeys.length)
  const keys = [...serviceKeys, ...globalKeys].slice(0, limit + 1)
  const describe = keyDescriber(catalog, statementServices(actions))
  return limited([keys.map((name) => keyCandidate(catalog, name, describe))], limit, anyText)
}

const booleanOptions: readonly PolicyCompletion[] = ['true', 'false'].map((label) => ({
  label,
  type: 'constant',
}))

/**
 * The options for the place `policyPath` found, then the skeletons of what can be written
 * whole there: a policy, a statement.
 */
function offerAt(context: Context): Offer | undefined {
  const offer = elementOfferAt(context)
  const { at } = context
  const skeletons = skeletonsAt(at, () => placeIsFree(context))
  if (skeletons.length === 0) return offer
  const candidates = skeletons.map(
    ({ label, detail, snippet }): Candidate => ({
      option: { label, detail, type: 'text', snippet },
    }),
  )
  const validFor = offer === undefined ? anyText : offer.validFor
  return {
    candidates: [...(offer?.candidates ?? []), ...candidates],
    ...(validFor === undefined ? {} : { validFor }),
  }
}

/**
 * Whether nothing but the word typed is written where a whole piece would go: the document,
 * the top object's names, or the value at the path. A skeleton put before a value already there
 * would leave two values where JSON takes one.
 */
function placeIsFree(context: Context): boolean {
  const { at, tree, reader } = context
  if (at.kind === 'property-name') return presentNames(context, at.path).size === 0
  const typedHere = (node: { readonly from: number; readonly to: number }) =>
    node.from >= at.from && node.to <= at.to
  if (at.path.length === 0) {
    for (let child = tree.topNode.firstChild; child !== null; child = child.nextSibling) {
      if (!typedHere(child)) return false
    }
    return true
  }
  const value = valueAt(tree, reader, at.path)
  return value === undefined || typedHere(value)
}

/** The names and values the place `policyPath` found takes. */
function elementOfferAt(context: Context): Offer | undefined {
  const { at } = context
  if (at.path.length === 0)
    return at.kind === 'property-name' ? documentElementOffer(context) : undefined
  if (at.kind === 'value' && at.path.length === 1 && at.path[0] === 'Version') {
    return fixed([{ label: '2012-10-17', detail: 'current version', type: 'constant' }])
  }
  const place = statementPlace(at.path)
  if (place === undefined) return undefined
  const { statement, within } = place
  const [element, second] = within
  if (at.kind === 'property-name') {
    if (element === undefined) return statementElementOffer(context, statement)
    if (element === 'Condition' && within.length === 1) return fixed(operatorOptions)
    if (element === 'Condition' && within.length === 2) return conditionKeyOffer(context, statement)
    if ((element === 'Principal' || element === 'NotPrincipal') && within.length === 1) {
      return fixed(principalTypes.map((label) => ({ label, type: 'property' })))
    }
    return undefined
  }
  // a string value, or an element of a list of them
  const listed = within.length === 1 || (within.length === 2 && typeof second === 'number')
  switch (element) {
    case 'Effect':
      return within.length === 1
        ? fixed(effects.map((label) => ({ label, type: 'constant' })))
        : undefined
    case 'Action':
    case 'NotAction':
      return listed ? actionOffer(context) : undefined
    case 'Resource':
    case 'NotResource':
      return listed ? resourceOffer(context, statement) : undefined
    case 'Principal':
    case 'NotPrincipal':
      return within.length === 1
        ? fixed([{ label: '*', detail: 'everyone', type: 'constant' }])
        : undefined
    case 'Condition': {
      const valueOfKey =
        within.length === 3 || (within.length === 4 && typeof within[3] === 'number')
      const family = typeof second === 'string' ? readOperatorSpelling(second)?.family : undefined
      return valueOfKey && (family === 'Bool' || family === 'Null')
        ? fixed(booleanOptions)
        : undefined
    }
    default:
      return undefined
  }
}

/** An option with the text to insert where the position needs more than the label: quotes. */
function withQuotes(candidate: Candidate, at: PolicyPath): PolicyCompletion {
  const { option } = candidate
  if (option.snippet !== undefined) return option
  // JSON's escapes, for a label that ever holds a quote or backslash
  const text = JSON.stringify(candidate.insert ?? option.label).slice(1, -1)
  // an inserted stem is typed on from, so its string is left open
  const stem = candidate.insert !== undefined
  const apply = at.quoted
    ? at.closed || stem
      ? text
      : `${text}"`
    : stem
      ? `"${text}`
      : `"${text}"`
  return apply === option.label ? option : { ...option, apply }
}

/**
 * What can be typed at a position of a policy document being edited: element names, `Allow`
 * and `Deny`, actions and `service:*` wildcards, the ARN formats of the statement's actions,
 * condition operators and condition keys, each with a short detail and plain-text info. The
 * result has the shape of CodeMirror's `CompletionResult`; `from` and `to` cover the string's
 * content, and options at a position without quotes insert them. Undefined where nothing is
 * known to go, or nothing fits what is typed.
 *
 * `tree` is @lezer/json's tree of the text and `text` the document or a function reading a
 * slice of it, as for `policyPath`. Options come in a fixed order for a given text; CodeMirror
 * sorts them by how well they match. Vocabulary: *IAM JSON policy elements reference* and
 * *Condition operators*; actions, resource types and keys: the Service Authorization Reference,
 * through the catalog.
 */
export function policyCompletions(
  tree: Tree,
  text: DocumentText,
  position: number,
  catalog: Catalog,
  options: PolicyCompletionOptions = {},
): PolicyCompletions | undefined {
  const at = policyPath(tree, text, position)
  if (at === undefined) return undefined
  const reader = documentReader(text)
  const given = options.limit ?? defaultCompletionLimit
  const limit = Number.isNaN(given) ? defaultCompletionLimit : Math.max(1, Math.floor(given))
  const offer = offerAt({
    tree,
    reader,
    at,
    catalog,
    limit,
    content: reader.slice(at.from, at.to),
  })
  if (offer === undefined || offer.candidates.length === 0) return undefined
  const seen = new Set<string>()
  const unique = offer.candidates.filter(({ option }) => {
    if (seen.has(option.label)) return false
    seen.add(option.label)
    return true
  })
  const { validFor } = offer
  return {
    from: at.from,
    to: at.to,
    options: unique.map((candidate) => withQuotes(candidate, at)),
    // a quote ends the string: what follows is another place
    ...(validFor === undefined
      ? {}
      : { validFor: (typed: string) => !typed.includes('"') && validFor(typed) }),
  }
}
