import { documentElements, statementElements } from '@connect-policy/core/testing'
import { Entries, type Holder, Raw, type Slot, slotsOf, type Tree } from './json-tree.ts'
import type { Rng } from './rng.ts'

/** What a tree mutation may draw on: concrete action names, and how far to scale up. */
export interface MutationContext {
  readonly actions: readonly string[]
  /** The largest count or length a mutation that scales draws (log-uniformly). */
  readonly maxScale: number
}

/** A tree mutation: changes the tree in place and says what it did, in a few words. */
type TreeMutation = (rng: Rng, holder: Holder, context: MutationContext) => string

const elementNames = [...documentElements, ...statementElements]

/** Condition operators, well-formed and not, that statements get. */
const operators = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'StringLikeIfExists',
  'ForAnyValue:StringLike',
  'ForAllValues:StringEquals',
  'NumericEquals',
  'NumericLessThan',
  'NumericGreaterThanEquals',
  'NumericNotEquals',
  'DateLessThan',
  'DateGreaterThan',
  'DateEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnLike',
  'ArnNotEquals',
  'Null',
  'StringEqualz',
  'ForAnyValue:NumericLessThan',
  'stringequals',
  'StringLikeIfExistsIfExists',
  '',
] as const

const conditionKeys = [
  'aws:PrincipalTag/team',
  'aws:RequestedRegion',
  'aws:SourceIp',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:MultiFactorAuthAge',
  'aws:SecureTransport',
  'aws:TagKeys',
  'aws:PrincipalArn',
  'aws:SourceArn',
  'connect:InstanceId',
  'connect:SecurityProfileIds',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable, not a template
  'aws:ResourceTag/${aws:username}',
  'unknown:Key',
  '',
] as const

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: policy variables, not templates
const conditionValues = [
  'true',
  'false',
  '0',
  '-1',
  '3600',
  '1.5e3',
  '0x10',
  '2030-01-01T00:00:00Z',
  '2030-13-45',
  '203.0.113.0/24',
  '2001:db8::/32',
  '10.0.0.0/33',
  '*',
  '${aws:username}',
  '${aws:PrincipalTag/team, "x"}',
  '${',
  '${*}',
  'arn:aws:connect:*:*:instance/*',
  '',
] as const
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: policy variables, not templates

/** Characters that text comparisons get wrong: case folds that change length, controls. */
const oddCharacters = [
  '\u0000',
  '\u0007',
  '\ud800',
  '\udc00',
  '\ufeff',
  '\u200b',
  '\u2028',
  'ſ',
  'K',
  'İ',
  'ß',
  'ﬃ',
  '😀',
  '\\',
  '"',
  '\t',
  ' ',
] as const

function entriesSlots(slots: readonly Slot[]): Entries[] {
  return slots.map((slot) => slot.get()).filter((node): node is Entries => node instanceof Entries)
}

function stringSlots(slots: readonly Slot[]): Slot[] {
  return slots.filter((slot) => typeof slot.get() === 'string')
}

/** The statements of a policy tree, as objects (a lone statement counts). */
export function statementsOf(holder: Holder): Entries[] {
  const root = holder.root
  if (!(root instanceof Entries)) return []
  const element = root.entries.find(([key]) => key === 'Statement')?.[1]
  if (element instanceof Entries) return [element]
  if (Array.isArray(element)) return element.filter((node) => node instanceof Entries)
  return []
}

function setMember(entries: Entries, key: string, value: Tree): void {
  const at = entries.entries.findIndex(([name]) => name === key)
  if (at >= 0) entries.entries.splice(at, 1, [key, value])
  else entries.entries.push([key, value])
}

function firstString(node: Tree | undefined): string | undefined {
  if (typeof node === 'string') return node
  if (Array.isArray(node)) return node.find((item) => typeof item === 'string') as string
  return undefined
}

const withCommas = (count: number) => count.toLocaleString('en-US')

const removeKey: TreeMutation = (rng, holder) => {
  const objects = entriesSlots(slotsOf(holder)).filter((node) => node.entries.length > 0)
  if (objects.length === 0) return 'nothing to remove'
  const object = rng.pick(objects)
  const [key] = object.entries.splice(rng.below(object.entries.length), 1)[0] ?? ['']
  return `\`${key}\` removed`
}

const duplicateKey: TreeMutation = (rng, holder) => {
  const objects = entriesSlots(slotsOf(holder)).filter((node) => node.entries.length > 0)
  if (objects.length === 0) return 'nothing to duplicate'
  const object = rng.pick(objects)
  const entry = rng.pick(object.entries)
  const [key, value] = entry
  const copy: Tree =
    key === 'Effect'
      ? value === 'Allow'
        ? 'Deny'
        : 'Allow'
      : rng.chance(0.5)
        ? value
        : rng.pick(['*', 'Allow', 'Deny', null, [], new Entries([])] as Tree[])
  const at = rng.below(object.entries.length + 1)
  object.entries.splice(at, 0, [key, copy])
  return `\`${key}\` written twice`
}

const renameKey: TreeMutation = (rng, holder) => {
  const objects = entriesSlots(slotsOf(holder)).filter((node) => node.entries.length > 0)
  if (objects.length === 0) return 'nothing to rename'
  const entry = rng.pick(rng.pick(objects).entries)
  const before = entry[0]
  const renames = [
    before.toLowerCase(),
    before.toUpperCase(),
    ` ${before}`,
    `${before} `,
    `${before}s`,
    before.startsWith('Not') ? before.slice(3) : `Not${before}`,
    before.slice(0, -1),
    rng.pick(elementNames),
    '__proto__',
    'constructor',
  ]
  entry[0] = rng.pick(renames)
  return `\`${before}\` renamed \`${entry[0]}\``
}

const swapType: TreeMutation = (rng, holder) => {
  const slot = rng.pick(slotsOf(holder))
  const value = slot.get()
  const choices: Tree[] = [
    null,
    true,
    0,
    -1,
    1.5,
    '',
    [],
    new Entries([]),
    [value],
    new Entries([['value', value]]),
    typeof value === 'string' ? Number.parseFloat(value) || 1 : JSON.stringify(value ?? null),
  ]
  if (Array.isArray(value)) choices.push(value[0] ?? null)
  if (value instanceof Entries) choices.push(value.entries.map(([, member]) => member))
  slot.set(rng.pick(choices))
  return `a value at \`${slot.path.join('.') || 'the root'}\` of another type`
}

const deepNesting: TreeMutation = (rng, holder, context) => {
  const slot = rng.pick(slotsOf(holder))
  const depth = rng.scale(10, context.maxScale)
  const inner = JSON.stringify(rng.pick(['*', 1, null, 'connect:*']))
  const text = rng.chance(0.5)
    ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`
  slot.set(new Raw(text))
  return `${withCommas(depth)} levels of nesting`
}

const hugeString: TreeMutation = (rng, holder, context) => {
  const slots = stringSlots(slotsOf(holder))
  const slot = slots.length > 0 ? rng.pick(slots) : rng.pick(slotsOf(holder))
  const length = rng.scale(100, context.maxScale * 4)
  const seed = typeof slot.get() === 'string' && slot.get() !== '' ? String(slot.get()) : 'x'
  slot.set(seed.repeat(Math.ceil(length / seed.length)).slice(0, length))
  return `a string of ${withCommas(length)} characters`
}

const hugeNumber: TreeMutation = (rng, holder, context) => {
  const slot = rng.pick(slotsOf(holder))
  const digits = rng.scale(16, context.maxScale)
  const text = rng.pick([
    '9'.repeat(digits),
    `-${'1'.repeat(digits)}`,
    `0.${'0'.repeat(digits)}1`,
    `1e${'9'.repeat(Math.min(digits, 400))}`,
    '-0',
    '1e-400',
    `${'1'.repeat(digits)}.${'5'.repeat(digits)}e-3`,
  ])
  slot.set(new Raw(text))
  return `a number of ${withCommas(text.length)} characters`
}

function patternSlots(holder: Holder): Slot[] {
  const slots = stringSlots(slotsOf(holder))
  const patterns = slots.filter((slot) =>
    ['Action', 'NotAction', 'Resource', 'NotResource'].includes(slot.path.at(-1) ?? ''),
  )
  return patterns.length > 0 ? patterns : slots
}

const manyStars: TreeMutation = (rng, holder, context) => {
  const slots = patternSlots(holder)
  if (slots.length === 0) return 'no string for stars'
  const slot = rng.pick(slots)
  const count = rng.scale(4, context.maxScale)
  const before = String(slot.get())
  const head = before.slice(0, rng.below(before.length + 1))
  const unit = rng.pick(['*', 'a*', '*?', '?', '*:', '*/'])
  slot.set(`${head}${unit.repeat(count)}${rng.pick(['', 'b', '?b*', '*'])}`)
  return `${withCommas(count)} wildcards \`${unit}\``
}

const dollarBraces: TreeMutation = (rng, holder, context) => {
  const slots = stringSlots(slotsOf(holder))
  if (slots.length === 0) return 'no string for variables'
  const slot = rng.pick(slots)
  const count = rng.scale(2, context.maxScale)
  const before = String(slot.get())
  const at = rng.below(before.length + 1)
  // biome-ignore lint/suspicious/noTemplateCurlyInString: policy variables, not templates
  const unit = rng.pick(['${', '${aws:username}', '${${', '${aws:', '$', '${*}', '${?}'])
  slot.set(`${before.slice(0, at)}${unit.repeat(count)}${before.slice(at)}`)
  return `\`${unit}\` ${withCommas(count)} times`
}

const digitRun: TreeMutation = (rng, holder, context) => {
  const statements = statementsOf(holder)
  const digits = rng.scale(16, context.maxScale)
  const value = rng.pick([
    '9'.repeat(digits),
    `0${'0'.repeat(digits)}1`,
    `1${'0'.repeat(digits)}`,
    `-${'7'.repeat(digits)}`,
    `${'3'.repeat(digits)}.${'3'.repeat(digits)}`,
    `2030${'1'.repeat(digits)}`,
  ])
  const operator = rng.pick([
    'NumericLessThan',
    'NumericEquals',
    'NumericGreaterThan',
    'NumericNotEqualsIfExists',
    'DateLessThan',
    'DateEquals',
    'ForAnyValue:NumericLessThan',
  ])
  const key = rng.pick([
    'aws:MultiFactorAuthAge',
    'aws:EpochTime',
    'aws:CurrentTime',
    's3:max-keys',
  ])
  const condition = new Entries([[operator, new Entries([[key, value]])]])
  if (statements.length === 0) {
    holder.root = new Entries([
      ['Version', '2012-10-17'],
      ['Statement', [new Entries([['Condition', condition]])]],
    ])
  } else setMember(rng.pick(statements), 'Condition', condition)
  return `${operator} with a value of ${withCommas(value.length)} characters`
}

const manyValues: TreeMutation = (rng, holder, context) => {
  const slots = slotsOf(holder).filter((slot) => slot.key !== undefined)
  if (slots.length === 0) return 'no value to multiply'
  const slot = rng.pick(slots)
  const first = firstString(slot.get()) ?? 'connect:DescribeUser'
  const count = rng.scale(10, context.maxScale)
  const values: Tree[] = []
  for (let index = 0; index < count; index++) {
    values.push(rng.chance(0.5) ? first : `${first}${index}`)
  }
  slot.set(values)
  return `${withCommas(count)} values at \`${slot.path.join('.')}\``
}

const manyResources: TreeMutation = (rng, holder, context) => {
  const statements = statementsOf(holder)
  if (statements.length === 0) return 'no statement'
  const statement = rng.pick(statements)
  const count = rng.scale(10, context.maxScale / 20)
  const base = 'arn:aws:connect:us-east-1:123456789012:instance/'
  const resources: Tree[] = []
  for (let index = 0; index < count; index++) {
    resources.push(rng.chance(0.3) ? `${base}i-${index}/*` : `${base}i-${index}/agent/u-${index}`)
  }
  setMember(statement, 'Resource', resources)
  if (rng.chance(0.5))
    setMember(statement, 'Action', rng.pick(['*', 'connect:*', 'connect:Describe*']))
  return `${withCommas(count)} resources`
}

const manyStatements: TreeMutation = (rng, holder, context) => {
  const statements = statementsOf(holder)
  const root = holder.root
  if (statements.length === 0 || !(root instanceof Entries)) return 'no statement'
  const count = rng.scale(10, context.maxScale / 50)
  const copies: Tree[] = []
  for (let index = 0; index < count; index++) {
    const statement = rng.pick(statements)
    copies.push(new Entries(statement.entries.map(([key, value]) => [key, value])))
  }
  setMember(root, 'Statement', copies)
  return `${withCommas(count)} statements`
}

const flipEffect: TreeMutation = (rng, holder) => {
  const statements = statementsOf(holder)
  if (statements.length === 0) return 'no statement'
  const effect = rng.pick(['Allow', 'Deny', 'allow', 'DENY', 'Allow ', '', 'Permit'])
  setMember(rng.pick(statements), 'Effect', effect)
  return `Effect \`${effect}\``
}

const oddUnicode: TreeMutation = (rng, holder) => {
  const slots = stringSlots(slotsOf(holder))
  if (slots.length === 0) return 'no string'
  const slot = rng.pick(slots)
  const before = String(slot.get())
  const at = rng.below(before.length + 1)
  const odd = rng.pick(oddCharacters)
  slot.set(`${before.slice(0, at)}${odd}${before.slice(at)}`)
  return `U+${(odd.codePointAt(0) ?? 0).toString(16).padStart(4, '0')} in a string`
}

const addCondition: TreeMutation = (rng, holder) => {
  const statements = statementsOf(holder)
  if (statements.length === 0) return 'no statement'
  const operator = rng.pick(operators)
  const key = rng.pick(conditionKeys)
  const value: Tree = rng.chance(0.3)
    ? [rng.pick(conditionValues), rng.pick(conditionValues)]
    : rng.chance(0.2)
      ? rng.pick([true, 1, null, new Entries([])] as Tree[])
      : rng.pick(conditionValues)
  setMember(
    rng.pick(statements),
    'Condition',
    new Entries([[operator, new Entries([[key, value]])]]),
  )
  return `a ${operator || 'nameless'} condition`
}

const emptyContainer: TreeMutation = (rng, holder) => {
  const slot = rng.pick(slotsOf(holder))
  slot.set(rng.pick([[], new Entries([]), ''] as Tree[]))
  return `\`${slot.path.join('.') || 'the root'}\` emptied`
}

/** The tree mutations by name; those that scale draw their size up to the context's bound. */
export const treeMutations: Readonly<Record<string, TreeMutation>> = {
  'remove-key': removeKey,
  'duplicate-key': duplicateKey,
  'rename-key': renameKey,
  'swap-type': swapType,
  'deep-nesting': deepNesting,
  'huge-string': hugeString,
  'huge-number': hugeNumber,
  'many-stars': manyStars,
  'dollar-braces': dollarBraces,
  'digit-run': digitRun,
  'many-values': manyValues,
  'many-resources': manyResources,
  'many-statements': manyStatements,
  'flip-effect': flipEffect,
  'odd-unicode': oddUnicode,
  'add-condition': addCondition,
  'empty-container': emptyContainer,
}

/** The mutations that make an input larger with the scale. */
export const scalingMutations = [
  'deep-nesting',
  'huge-string',
  'huge-number',
  'many-stars',
  'dollar-braces',
  'digit-run',
  'many-values',
  'many-resources',
  'many-statements',
] as const
