import { auditPolicySet } from '@connect-policy/audit'
import { awsCatalog, connectFamily } from '@connect-policy/catalog'
import { readManagedPolicies } from '@connect-policy/catalog/corpus'
import { comparePolicies, prepareForAnalysis, summarizeAccess } from '@connect-policy/core'
import { measure } from '../harness/measure.ts'
import { timeOnce } from '../harness/time-once.ts'
import type { SuiteOutcome } from '../report/results.ts'
import { adversarialPattern } from './adversarial.ts'

/** The AWS managed policies named for the Amazon Connect family: Connect's own, and Customer Profiles', App Integrations', Amazon Q in Connect's (Wisdom) and Cases'. */
const familyName =
  /^(AmazonConnect|CustomerProfiles|AppIntegrations|AmazonQConnect|Wisdom|ConnectCases)/

const familyServices = new Set<string>(connectFamily)

/** Whether a policy's Action or NotAction names an action of a Connect-family service. */
function namesFamilyAction(text: string): boolean {
  const document = JSON.parse(text) as { Statement?: unknown }
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement]
  return statements.some((statement) => {
    const { Action, NotAction } = (statement ?? {}) as { Action?: unknown; NotAction?: unknown }
    return [Action, NotAction]
      .flat()
      .some(
        (value) =>
          typeof value === 'string' && familyServices.has(value.split(':')[0]?.toLowerCase() ?? ''),
      )
  })
}

const identity = (policy: string) => ({ identityPolicies: [policy] })
const allowGetObject = (resource: string) =>
  identity(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }],
    }),
  )

/**
 * Benchmark 6: the analyzer over every request at once, with the whole service reference:
 * two Amazon Connect managed policies compared, `AmazonConnect_FullAccess` summarized, a
 * 14-star pattern's inclusion in another decided, and every ordered pair compared of the managed
 * policies that name a Connect-family action (the target's set), and of those named for the family.
 */
export function analysisSuite(): SuiteOutcome {
  const catalog = awsCatalog()
  const { policies } = readManagedPolicies()
  const text = (name: string) => {
    const found = policies.find((policy) => policy.name === name)
    if (found === undefined) throw new Error(`no managed policy ${name}`)
    return found.text
  }
  const readOnly = identity(text('AmazonConnectReadOnlyAccess'))
  const full = identity(text('AmazonConnect_FullAccess'))
  const compared = comparePolicies(readOnly, full, { catalog })
  if (compared.errors !== undefined || compared.relation !== 'broader') {
    throw new Error('AmazonConnect_FullAccess must be broader than AmazonConnectReadOnlyAccess')
  }
  const compare = measure('compare', () => comparePolicies(readOnly, full, { catalog }), {
    time: 2000,
    iterations: 15,
  })
  const summarize = measure('summarize', () => summarizeAccess(full, { catalog }), {
    time: 2000,
    iterations: 15,
  })
  // the largest of Amazon Connect's own managed policies, every check of the audit
  const largest = policies
    .filter((policy) => /^AmazonConnect/.test(policy.name))
    .reduce((a, b) => (b.text.length > a.text.length ? b : a))
  const largestSet = identity(largest.text)
  const audited = auditPolicySet(largestSet, { catalog })
  if (audited.errors !== undefined) throw new Error(`${largest.name} must be audited`)
  const audit = measure('audit', () => auditPolicySet(largestSet, { catalog }), {
    time: 2000,
    iterations: 15,
  })
  // every ARN the 14-star pattern matches, the wider one does too, and not the other way round
  const narrow = allowGetObject(adversarialPattern)
  const wide = allowGetObject('arn:aws:s3:::*a*b*')
  const inclusion = comparePolicies(narrow, wide, { catalog })
  if (inclusion.errors !== undefined || inclusion.relation !== 'broader') {
    throw new Error('the wider pattern must be broader than the 14-star one')
  }
  const include = measure('inclusion', () => comparePolicies(narrow, wide, { catalog }), {
    time: 1000,
    iterations: 10,
  })
  const comparedPairs = (members: readonly { text: string }[]) => {
    const relations = new Map<string, number>()
    const time = timeOnce(() => {
      // each set read and compiled once, as a review of many policies does
      const sets = members.map((member) => prepareForAnalysis(identity(member.text), { catalog }))
      for (const before of sets) {
        for (const after of sets) {
          if (before === after) continue
          const result = comparePolicies(before, after, { catalog })
          const relation = result.errors === undefined ? result.relation : 'error'
          relations.set(relation, (relations.get(relation) ?? 0) + 1)
        }
      }
    })
    return { time, relations, pairs: members.length * (members.length - 1) }
  }
  // the issue's set: every managed policy that names a Connect-family action
  const members = policies.filter((policy) => namesFamilyAction(policy.text))
  const named = policies.filter((policy) => familyName.test(policy.name))
  const every = comparedPairs(members)
  const own = comparedPairs(named)
  const relationWords = (relations: ReadonlyMap<string, number>) =>
    [...relations].map(([relation, count]) => `${relation} ${count}`).join(', ')
  const once = (milliseconds: number) => ({ median: milliseconds, p99: milliseconds, samples: 1 })
  return {
    suite: {
      id: 'analysis',
      title: 'The analyzer',
      description:
        'Questions about every request at once (`comparePolicies`, `summarizeAccess`, the audit of `@connect-policy/audit`) with the whole AWS service reference, each answer found over the cells the policies draw and every witness replayed through the evaluator.',
      unit: 'ms',
      columns: ['time'],
      rows: [
        {
          name: '`AmazonConnectReadOnlyAccess` → `AmazonConnect_FullAccess` compared',
          first: compare,
        },
        { name: '`AmazonConnect_FullAccess` summarized', first: summarize },
        { name: 'a 14-star pattern’s inclusion in `arn:aws:s3:::*a*b*`', first: include },
        {
          name: `\`${largest.name}\` audited (${audited.checks.length} checks, ${audited.findings.length} findings)`,
          first: audit,
        },
        {
          name: `every ordered pair of the ${members.length} managed policies that name a Connect-family action (${every.pairs} comparisons)`,
          first: once(every.time.milliseconds),
        },
        {
          name: `every ordered pair of the ${named.length} managed policies named for Connect-family services (${own.pairs} comparisons)`,
          first: once(own.time.milliseconds),
        },
      ],
      notes: [
        `Policies that name a Connect-family action (${connectFamily.map((prefix) => `\`${prefix}:\``).join(', ')}): ${members.map((policy) => `\`${policy.name}\``).join(', ')}; relations over their pairs: ${relationWords(every.relations)}.`,
        `Named for the family: ${named.map((policy) => `\`${policy.name}\``).join(', ')}; relations: ${relationWords(own.relations)}.`,
        `${compared.requests.toLocaleString('en-US')} requests decided on each side for the first comparison.`,
      ],
    },
    metrics: {
      compareConnectPoliciesMs: compare.median,
      summarizeFullAccessMs: summarize.median,
      patternInclusionMs: include.median,
      connectFamilyPairsMs: every.time.milliseconds,
      auditLargestConnectPolicyMs: audit.median,
    },
  }
}
