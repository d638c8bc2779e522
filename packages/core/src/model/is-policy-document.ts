import type { PolicyDocument } from './policy.ts'
import { principalTypes } from './policy.ts'

type Check = (value: unknown) => boolean

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPosition(value: unknown): boolean {
  return (
    isRecord(value) &&
    Number.isFinite(value.line) &&
    Number.isFinite(value.column) &&
    Number.isFinite(value.offset)
  )
}

function isRange(value: unknown): boolean {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end)
}

function listOf(check: Check): Check {
  return (value) => Array.isArray(value) && value.every(check)
}

function located(check: Check): Check {
  return (value) => isRecord(value) && isRange(value.range) && check(value.value)
}

const isText: Check = (value) => typeof value === 'string'
const isConditionValue: Check = (value) =>
  typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value)
const locatedText = located(isText)
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)

function stringList(names: readonly string[]): Check {
  return (value) =>
    isRecord(value) &&
    names.includes(value.element as string) &&
    isRange(value.range) &&
    listOf(locatedText)(value.values)
}

const isPrincipalEntry: Check = (value) =>
  isRecord(value) &&
  located((type) => (principalTypes as readonly unknown[]).includes(type))(value.type) &&
  listOf(locatedText)(value.values)

const isPrincipal: Check = (value) =>
  isRecord(value) &&
  (value.element === 'Principal' || value.element === 'NotPrincipal') &&
  typeof value.anyone === 'boolean' &&
  listOf(isPrincipalEntry)(value.entries) &&
  isRange(value.range)

const isClause: Check = (value) =>
  isRecord(value) &&
  locatedText(value.operator) &&
  locatedText(value.key) &&
  listOf(located(isConditionValue))(value.values) &&
  isRange(value.range)

const isCondition: Check = (value) =>
  isRecord(value) && listOf(isClause)(value.clauses) && isRange(value.range)

/** Whether a value is JSON, nested at most `depth` deep: a cycle or a function is not. */
function isJson(value: unknown, depth = 64): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (depth === 0 || typeof value !== 'object') return false
  const items = Array.isArray(value) ? value : Object.values(value)
  return items.every((item) => isJson(item, depth - 1))
}

const isUnknownElement: Check = (value) =>
  isRecord(value) && locatedText(value.key) && isJson(value.value)

const isStatement: Check = (value) =>
  isRecord(value) &&
  optional(locatedText)(value.sid) &&
  optional(locatedText)(value.effect) &&
  optional(isPrincipal)(value.principal) &&
  optional(stringList(['Action', 'NotAction']))(value.action) &&
  optional(stringList(['Resource', 'NotResource']))(value.resource) &&
  optional(isCondition)(value.condition) &&
  listOf(isUnknownElement)(value.unknownElements) &&
  isRange(value.range)

/**
 * Whether a value is a `PolicyDocument` as `parsePolicy` makes them, down to every element the
 * toolkit reads, so that a document built by hand, or any other value, is never read as one when
 * it is not. Anything else given where a policy is taken is read as the JSON of a policy.
 */
export function isPolicyDocument(value: unknown): value is PolicyDocument {
  return (
    isRecord(value) &&
    optional(locatedText)(value.version) &&
    optional(locatedText)(value.id) &&
    listOf(isStatement)(value.statements) &&
    listOf(isUnknownElement)(value.unknownElements) &&
    isRange(value.range)
  )
}
