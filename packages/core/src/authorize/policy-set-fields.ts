import { kindOf } from '../parse/index.ts'
import { closestName } from '../suggest/index.ts'
import type { PolicyType } from './policy-set.ts'
import type { EvaluationError } from './result.ts'

/** One policy of a set, where it sits, and what was given for it. */
export interface PolicySlot {
  readonly type: PolicyType
  readonly level?: number
  /** Position among the policies of its type (and level). */
  readonly index: number
  /** Where it is in the set, for messages: `identityPolicies[1]`. */
  readonly path: string
  readonly input: unknown
}

/** Which layers a set has, counted from what it gives. */
export interface SetShape {
  readonly slots: readonly PolicySlot[]
  readonly hasResourcePolicy: boolean
  readonly hasBoundary: boolean
  readonly hasSessionPolicy: boolean
  readonly serviceControlLevels: number
  readonly resourceControlLevels: number
}

const lists = [['identityPolicies', 'identity']] as const
const singles = [
  ['resourcePolicy', 'resource'],
  ['permissionsBoundary', 'permissionsBoundary'],
  ['sessionPolicy', 'session'],
] as const
const levelled = [
  ['serviceControlPolicies', 'serviceControl'],
  ['resourceControlPolicies', 'resourceControl'],
] as const

/** The fields of a policy set, as `PolicySet` names them. */
export const policySetFields: readonly string[] = [...lists, ...singles, ...levelled].map(
  ([field]) => field,
)

/** The known name a misspelt one stands for: a close spelling, or the same name in the other number. */
export function likelyField(written: string, known: readonly string[]): string | undefined {
  const close = closestName(written, known)
  if (close !== undefined) return close
  const stem = (name: string) => name.toLowerCase().replace(/(ies|y|s)$/, '')
  return known.find((name) => stem(name) === stem(written))
}

function fieldError(message: string): EvaluationError {
  return { source: 'policy', message, diagnostics: [] }
}

/**
 * The policies of a set, each with its type and place, and the layers it has; or what keeps
 * the value from being read as a set: not an object, a field `PolicySet` does not have (with the
 * field meant, such as `identityPolicies` for `identityPolicy`), a list where one policy goes or
 * the other way round. A field given as `null` is absent, as JSON writes an absent policy.
 */
export function readPolicySet(
  set: unknown,
): { readonly shape: SetShape; readonly errors?: never } | { readonly errors: EvaluationError[] } {
  if (typeof set !== 'object' || set === null || Array.isArray(set)) {
    return {
      errors: [
        fieldError(
          `a policy set is an object of policies by type (\`identityPolicies\`, \`resourcePolicy\`, ...), not ${kindOf(set)}`,
        ),
      ],
    }
  }
  const record = set as Readonly<Record<string, unknown>>
  const errors: EvaluationError[] = []
  for (const field of Object.keys(record)) {
    if (policySetFields.includes(field)) continue
    const meant = likelyField(field, policySetFields)
    errors.push(
      fieldError(
        `a policy set has no field \`${field}\`${meant === undefined ? `: its fields are ${policySetFields.map((name) => `\`${name}\``).join(', ')}` : `: did you mean \`${meant}\``}`,
      ),
    )
  }
  const given = (field: string) => (record[field] === null ? undefined : record[field])
  const slots: PolicySlot[] = []
  for (const [field, type] of lists) {
    const value = given(field)
    if (value === undefined) continue
    if (!Array.isArray(value)) {
      errors.push(
        fieldError(`\`${field}\` is a list of policies, not ${kindOf(value)}: write \`[policy]\``),
      )
      continue
    }
    value.forEach((input, index) => {
      slots.push({ type, index, path: `${field}[${index}]`, input })
    })
  }
  for (const [field, type] of singles) {
    const value = given(field)
    if (value === undefined) continue
    if (Array.isArray(value)) {
      errors.push(fieldError(`\`${field}\` is one policy, not a list`))
      continue
    }
    slots.push({ type, index: 0, path: field, input: value })
  }
  const levels: Record<string, number> = {}
  for (const [field, type] of levelled) {
    const value = given(field)
    if (value === undefined) continue
    if (!Array.isArray(value) || !value.every(Array.isArray)) {
      errors.push(
        fieldError(
          `\`${field}\` is a list of organization levels, from the root down, each a list of policies: write \`[[policy]]\``,
        ),
      )
      continue
    }
    levels[field] = value.length
    value.forEach((list: readonly unknown[], level) => {
      list.forEach((input, index) => {
        slots.push({ type, level, index, path: `${field}[${level}][${index}]`, input })
      })
    })
  }
  if (errors.length > 0) return { errors }
  return {
    shape: {
      slots,
      hasResourcePolicy: given('resourcePolicy') !== undefined,
      hasBoundary: given('permissionsBoundary') !== undefined,
      hasSessionPolicy: given('sessionPolicy') !== undefined,
      serviceControlLevels: levels.serviceControlPolicies ?? 0,
      resourceControlLevels: levels.resourceControlPolicies ?? 0,
    },
  }
}
