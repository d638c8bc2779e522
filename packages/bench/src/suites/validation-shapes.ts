import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Catalog, PolicyType } from '@connect-policy/core'
import { policyTypeOf } from '@connect-policy/fuzz'
import { largestInlinePolicy } from './largest-policy.ts'

/** A policy text the validator is timed on, with what it stands for. */
export interface ValidationShape {
  readonly name: string
  readonly text: string
  readonly policyType: PolicyType
}

const policy = (statements: readonly object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })

/** The first `count` condition keys of the reference's services without a variable part. */
function serviceKeys(catalog: Catalog, count: number): string[] {
  const names: string[] = []
  for (const prefix of catalog.coveredPrefixes) {
    for (const key of catalog.service(prefix)?.conditionKeys ?? []) {
      if (names.length === count) return names
      if (!key.name.includes('${')) names.push(key.name)
    }
  }
  return names
}

/**
 * Shapes of policies, each within the 10,240 characters of a role's inline policies, that cost
 * the validator the most with the whole service reference: `"Action": "*"` names every action
 * of the reference, and every condition key, resource and action value is looked up in it.
 */
export function validationShapes(catalog: Catalog): ValidationShape[] {
  const everything = { Effect: 'Allow', Action: '*', Resource: '*' }
  const shapes: Omit<ValidationShape, 'policyType'>[] = [
    { name: '`"Action": "*"` on `"Resource": "*"`', text: policy([everything]) },
    {
      name: '`"Action": "*"` with 138 condition keys of services',
      text: policy([
        {
          ...everything,
          Condition: {
            StringEquals: Object.fromEntries(serviceKeys(catalog, 138).map((key) => [key, 'x'])),
          },
        },
      ]),
    },
    {
      name: 'a Deny of `"Action": "*"` with 100 `aws:ResourceTag/…` keys',
      text: policy([
        {
          ...everything,
          Effect: 'Deny',
          Condition: {
            StringEquals: Object.fromEntries(
              Array.from({ length: 100 }, (_, index) => [`aws:ResourceTag/team-${index}`, 'blue']),
            ),
          },
        },
      ]),
    },
    {
      name: '`"Action": "*"` on 200 S3 ARNs',
      text: policy([
        {
          ...everything,
          Resource: Array.from({ length: 200 }, (_, index) => `arn:aws:s3:::bucket-${index}/key`),
        },
      ]),
    },
    {
      name: '`"Action": "*"` on 100 Amazon Connect ARNs',
      text: policy([
        {
          ...everything,
          Resource: Array.from(
            { length: 100 },
            (_, index) => `arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-${index}`,
          ),
        },
      ]),
    },
    {
      name: '`s3:*` on 200 bucket patterns',
      text: policy([
        {
          ...everything,
          Action: 's3:*',
          Resource: Array.from({ length: 200 }, (_, index) => `arn:aws:s3:::bucket-${index}/*`),
        },
      ]),
    },
    {
      name: '200 mistyped Amazon Connect actions',
      text: policy([
        {
          ...everything,
          Action: Array.from({ length: 200 }, (_, index) => `connect:StartContactRecordin${index}`),
        },
      ]),
    },
    { name: 'the largest inline policy (`pnpm bench`, 6.)', text: largestInlinePolicy() },
  ]
  return shapes.map((shape) => ({ ...shape, policyType: 'identity' }))
}

const findingsFolder = fileURLToPath(new URL('../../../fuzz/findings/', import.meta.url))

/**
 * The policies of the fuzzing findings of the catalog's `validatePolicy` (packages/fuzz/findings,
 * slow calls and hangs) that the finding holds and that are within `limit` characters.
 */
export function fuzzFindingPolicies(limit: number): ValidationShape[] {
  const shapes: ValidationShape[] = []
  for (const file of readdirSync(findingsFolder).sort()) {
    if (!/^(slow|hang)-catalog-validatePolicy-.*\.json$/.test(file)) continue
    const finding = JSON.parse(readFileSync(`${findingsFolder}${file}`, 'utf8')) as {
      readonly input?: { readonly policy?: unknown; readonly placement?: string }
    }
    const text = finding.input?.policy
    if (typeof text !== 'string' || text.length > limit) continue
    const placement = finding.input?.placement ?? 'alone'
    shapes.push({
      name: file.replace(/\.json$/, ''),
      text,
      policyType: (policyTypeOf as Readonly<Record<string, PolicyType>>)[placement] ?? 'identity',
    })
  }
  return shapes
}
