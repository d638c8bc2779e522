import { type DecisionValue, decisionValues, diagnosticCodes } from '@connect-policy/core'
import { z } from 'zod'

/**
 * The two printings of the AWS page *Amazon Connect resource-level policy examples* that the
 * samples are taken from. `original` is the older printing (every policy on one line, more
 * examples); `revised` is the newer one (indented policies, fewer examples). Neither is dated.
 */
export const documentVersions = ['original', 'revised'] as const
export type DocumentVersion = (typeof documentVersions)[number]

/** A sample is either a policy example or a passage of prose with no policy of its own. */
export const sampleKinds = ['policy', 'prose'] as const
export type SampleKind = (typeof sampleKinds)[number]

/** The parts a printed sample is made of, in the order the page prints them. */
export const printedParts = ['heading', 'prose', 'text'] as const
export type PrintedPart = (typeof printedParts)[number]

/** How bad an erratum is: `error` means the example does not do what it says, or AWS refuses it. */
export const erratumSeverities = ['error', 'warning', 'info'] as const
export type ErratumSeverity = (typeof erratumSeverities)[number]

/** What an erratum is about. */
export const erratumCategories = [
  /** The text is not valid JSON. */
  'json-syntax',
  /** Valid JSON, but not a valid IAM policy. */
  'policy-grammar',
  /** An action name that is misspelled, does not exist, or does not fit the resource. */
  'action',
  /** A resource ARN that is malformed or does not match what the actions are authorized on. */
  'resource',
  /** An example value (an ID, a name) that cannot be real or contradicts the prose. */
  'example-value',
  /** The prose or heading says something the policy does not do, or is unclear. */
  'prose',
] as const
export type ErratumCategory = (typeof erratumCategories)[number]

/** A decision of `@connect-policy/core`'s evaluator. */
export type Decision = DecisionValue

/** What happens to a request under a policy text: a decision, or `rejected` when AWS would refuse the text. */
export const outcomes = [...decisionValues, 'rejected'] as const
export type Outcome = (typeof outcomes)[number]

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const servicePrefix = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const actionName = /^[a-z0-9-]+:[A-Za-z0-9]+$/

const kebabId = z.string().regex(kebabCase, 'must be kebab-case')

/** A problem the parser reports, at the line and column (1-based) where it is. */
export const expectedDiagnosticSchema = z.strictObject({
  /** A diagnostic code of `@connect-policy/core`, such as `trailing-comma`. */
  code: z.enum(diagnosticCodes),
  line: z.int().positive(),
  column: z.int().positive(),
})
export type ExpectedDiagnostic = z.infer<typeof expectedDiagnosticSchema>

/**
 * One sample as one printing of the page shows it. Every part is a whole number of lines,
 * byte for byte, without the line break that ends the last line.
 */
export const printedSampleSchema = z.strictObject({
  /** The heading above the sample, when it has one. */
  heading: z.string().min(1).optional(),
  /** The prose between the heading and the policy; for a prose sample, the whole passage. */
  prose: z.string().min(1).optional(),
  /** The policy as printed. Policy samples only. */
  text: z.string().min(1).optional(),
  /** What `parsePolicy` reports on `text`, in order of position. Policy samples only. */
  expectedDiagnostics: z.array(expectedDiagnosticSchema).optional(),
})
export type PrintedSample = z.infer<typeof printedSampleSchema>

/** How the two printings of a sample compare; given when both print it. */
export const comparisonSchema = z.strictObject({
  /** Parts printed identically in both. */
  unchanged: z.array(z.enum(printedParts)),
  /** Parts that differ only in whitespace (outside JSON strings, for `text`). */
  whitespaceOnly: z.array(z.enum(printedParts)),
})
export type Comparison = z.infer<typeof comparisonSchema>

/** A placeholder of the printed policy and the example value the corrected policy uses instead. */
export const placeholderSchema = z.strictObject({
  /** The placeholder exactly as printed, such as `accountID`. */
  text: z.string().min(1),
  meaning: z.string().min(1),
  replacement: z.string().min(1),
})
export type Placeholder = z.infer<typeof placeholderSchema>

/** Where an erratum is: an exact substring of one part of the printed sample. */
export const erratumLocationSchema = z.strictObject({
  part: z.enum(printedParts),
  /** The offending text, exactly as printed. */
  text: z.string().min(1),
  /** Which occurrence of `text` in the part (1-based); needed only when it occurs more than once. */
  occurrence: z.int().positive().optional(),
})
export type ErratumLocation = z.infer<typeof erratumLocationSchema>

/** A mistake in a printed sample. */
export const erratumSchema = z.strictObject({
  id: kebabId,
  /** The printings that contain the mistake. */
  versions: z.array(z.enum(documentVersions)).min(1),
  category: z.enum(erratumCategories),
  severity: z.enum(erratumSeverities),
  /** What is wrong, in one line. */
  what: z.string().min(1),
  where: erratumLocationSchema,
  /** Why it is wrong and what it does to a request. */
  why: z.string().min(1),
  /** How the corrected policy (or prose) fixes it. */
  fix: z.string().min(1),
  /** The AWS documentation the claim rests on. */
  reference: z.string().min(1).optional(),
  /**
   * The codes of `@connect-policy/core`'s validator that report this erratum on the printed
   * text, in or around `where`; absent when no check can see it (prose, intent).
   */
  findings: z.array(kebabId).min(1).optional(),
})
export type Erratum = z.infer<typeof erratumSchema>

/** One authorization question, with full action name and ARNs. */
export const sampleRequestSchema = z.strictObject({
  action: z.string().regex(actionName, 'must be `service:ActionName`'),
  /** Every resource AWS authorizes the action against; `*` for actions with no resource type. */
  resource: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  principal: z.string().min(1).optional(),
})
export type SampleRequest = z.infer<typeof sampleRequestSchema>

/** A statement of the policy, by position and Sid. */
export const statementPointerSchema = z.strictObject({
  sid: z.string().min(1).optional(),
  statementIndex: z.int().nonnegative(),
})
export type StatementPointer = z.infer<typeof statementPointerSchema>

/** What the documentation says (or implies) happens to one request, and what the texts do. */
export const expectationSchema = z
  .strictObject({
    description: z.string().min(1),
    request: sampleRequestSchema,
    /** The decision the documentation claims or implies; the corrected policy gives it. */
    documented: z.enum(decisionValues),
    /**
     * What each printed text gives, with its placeholders filled in, where that differs from
     * `documented`. A printing not named here gives `documented`.
     */
    printed: z
      .strictObject({
        original: z.enum(outcomes).optional(),
        revised: z.enum(outcomes).optional(),
      })
      .optional(),
    /** What the sample's `literal` policy gives, where that differs from `documented`. */
    literal: z.enum(outcomes).optional(),
    /** The statement of the corrected policy that decides, for `Allow` and `ExplicitDeny`. */
    deciding: statementPointerSchema.optional(),
  })
  .superRefine((expectation, context) => {
    if (expectation.documented === 'ImplicitDeny' && expectation.deciding !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['deciding'],
        message: 'an implicit deny has no deciding statement',
      })
    }
    for (const version of documentVersions) {
      if (expectation.printed?.[version] === expectation.documented) {
        context.addIssue({
          code: 'custom',
          path: ['printed', version],
          message: 'record a printed outcome only where it differs from `documented`',
        })
      }
    }
    if (expectation.literal === expectation.documented) {
      context.addIssue({
        code: 'custom',
        path: ['literal'],
        message: 'record the literal outcome only where it differs from `documented`',
      })
    }
  })
export type Expectation = z.infer<typeof expectationSchema>

/** For prose: the policy a reader gets by doing literally what the prose says. */
export const literalPolicySchema = z.strictObject({
  /** How the policy was built from the prose. */
  basis: z.string().min(1),
  text: z.string().min(1),
})
export type LiteralPolicy = z.infer<typeof literalPolicySchema>

/** One example (or prose passage) of the page, held as checked data. */
export const sampleSchema = z
  .strictObject({
    id: kebabId,
    title: z.string().min(1),
    kind: z.enum(sampleKinds),
    /** Service prefixes the sample is about, such as `connect`. */
    services: z.array(z.string().regex(servicePrefix)).min(1),
    /** What the sample shows, in our words. */
    description: z.string().min(1),
    printed: z.strictObject({
      original: printedSampleSchema.optional(),
      revised: printedSampleSchema.optional(),
    }),
    comparison: comparisonSchema.optional(),
    /** The policy as it should be: canonical JSON (`JSON.stringify` with two spaces). */
    corrected: z.string().min(1).optional(),
    literal: literalPolicySchema.optional(),
    placeholders: z.array(placeholderSchema),
    errata: z.array(erratumSchema),
    expectations: z.array(expectationSchema),
  })
  .superRefine((sample, context) => {
    const issue = (path: (string | number)[], message: string) =>
      context.addIssue({ code: 'custom', path, message })
    const present = documentVersions.filter((version) => sample.printed[version] !== undefined)
    if (present.length === 0) issue(['printed'], 'a sample is printed in at least one version')
    if ((present.length === 2) !== (sample.comparison !== undefined)) {
      issue(['comparison'], 'a comparison is given exactly when both versions print the sample')
    }
    for (const version of present) {
      const printed = sample.printed[version]
      if (printed === undefined) continue
      if (sample.kind === 'policy') {
        if (printed.text === undefined) issue(['printed', version, 'text'], 'a policy is printed')
        if (printed.expectedDiagnostics === undefined) {
          issue(
            ['printed', version, 'expectedDiagnostics'],
            'a policy text has expected diagnostics',
          )
        }
      } else {
        if (printed.text !== undefined || printed.expectedDiagnostics !== undefined) {
          issue(['printed', version], 'a prose sample has no policy text')
        }
        if (printed.prose === undefined) issue(['printed', version, 'prose'], 'prose is printed')
      }
    }
    if (sample.kind === 'policy' && sample.corrected === undefined) {
      issue(['corrected'], 'a policy sample has a corrected policy')
    }
    if (sample.kind === 'policy' && sample.literal !== undefined) {
      issue(['literal'], 'only prose samples have a literal policy')
    }
    if (sample.expectations.length > 0 && sample.corrected === undefined) {
      issue(['expectations'], 'expectations are checked against the corrected policy')
    }
    const errataIds = new Set<string>()
    sample.errata.forEach((erratum, index) => {
      if (errataIds.has(erratum.id)) issue(['errata', index, 'id'], 'erratum ids are unique')
      errataIds.add(erratum.id)
      for (const version of erratum.versions) {
        if (sample.printed[version] === undefined) {
          issue(['errata', index, 'versions'], `the sample is not printed in \`${version}\``)
        }
      }
    })
    sample.expectations.forEach((expectation, index) => {
      for (const version of documentVersions) {
        if (
          expectation.printed?.[version] !== undefined &&
          sample.printed[version]?.text === undefined
        ) {
          issue(
            ['expectations', index, 'printed', version],
            `no policy is printed in \`${version}\``,
          )
        }
      }
      if (expectation.literal !== undefined && sample.literal === undefined) {
        issue(['expectations', index, 'literal'], 'the sample has no literal policy')
      }
    })
  })
/** A sample as written in the data files, before validation. */
export type SampleInput = z.input<typeof sampleSchema>
/** A validated sample. */
export type Sample = z.infer<typeof sampleSchema>

/** Every sample, with ids unique across the set. */
export const samplesSchema = z.array(sampleSchema).superRefine((samples, context) => {
  const seen = new Set<string>()
  samples.forEach((sample, index) => {
    if (seen.has(sample.id)) {
      context.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `duplicate sample id \`${sample.id}\``,
      })
    }
    seen.add(sample.id)
  })
})
