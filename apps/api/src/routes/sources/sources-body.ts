import { policyTypeNamed } from '@connect-policy/core'
import {
  type FoundPolicy,
  type ReadSource,
  readSource,
  sourceFormatNames,
  validateSource,
} from '@connect-policy/sources'
import type { z } from 'zod'
import type { CatalogProvider } from '../../dependencies.ts'
import type { DeepReadonly } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import { policyOverLimit, type SourcesValidateOperation } from './schemas.ts'

export type SourcesBody = z.output<NonNullable<SourcesValidateOperation['body']>>
export type SourcesAnswer = DeepReadonly<z.input<SourcesValidateOperation['response']['schema']>>
type AnsweredProblem = SourcesAnswer['problems'][number]

/** What a worker thread is given for `POST /v1/sources/validate`: the body, and the policy limit. */
export interface SourcesTask {
  readonly body: SourcesBody
  /** `POLICY_MAX_CHARS`: a policy of the file longer than this is not validated. */
  readonly policyChars: number
}

/** The 422 of a file that is none of the formats read, or that cannot be parsed at all. */
function unreadable(read: ReadSource): ProblemError {
  const [problem] = read.problems
  if (problem?.code === 'unreadable-file') {
    const { line, column } = problem.range.start
    return new ProblemError(
      'unreadable-file',
      `${problem.message} (line ${line}, column ${column})`,
    )
  }
  return new ProblemError(
    'unrecognized-file',
    problem?.message ?? `\`${read.name}\` is none of the files connect-policy reads`,
  )
}

function overLimit(policy: FoundPolicy, chars: number, limit: number): AnsweredProblem {
  return {
    code: policyOverLimit,
    severity: 'error',
    message: `${policy.label}: its JSON text has ${chars} characters, over this server's limit of ${limit} (\`POLICY_MAX_CHARS\`), so it is not validated`,
    range: policy.range,
  }
}

/**
 * The reading and validation of `POST /v1/sources/validate`'s file, as a worker thread runs it:
 * every policy the file holds, validated with the server's service reference as what the file
 * says it is attached as, each finding positioned in the file. A policy over `POLICY_MAX_CHARS`
 * is reported rather than validated, so that one large policy leaves the others' findings.
 */
export function sourcesValidator(catalog: CatalogProvider): (task: SourcesTask) => SourcesAnswer {
  return ({ body, policyChars }) => {
    const read = readSource(
      body.file,
      body.parameters === undefined ? {} : { parameters: body.parameters },
    )
    if (read.format === undefined) throw unreadable(read)
    const tooLong = new Set(
      read.policies.filter((policy) => (policy.projection?.text.length ?? 0) > policyChars),
    )
    const checked =
      tooLong.size === 0
        ? read
        : { ...read, policies: read.policies.filter((policy) => !tooLong.has(policy)) }
    const policyType = policyTypeNamed(body.policyType)
    const { findings, suppressed } = validateSource(checked, {
      catalog: catalog.catalog(),
      ...(policyType === undefined ? {} : { policyType }),
      ...(body.suppress === undefined ? {} : { suppress: body.suppress }),
    })
    const problems: AnsweredProblem[] = [
      ...read.problems,
      ...[...tooLong].map((policy) =>
        overLimit(policy, policy.projection?.text.length ?? 0, policyChars),
      ),
    ].sort((a, b) => a.range.start.offset - b.range.start.offset)
    return {
      format: read.format,
      formatName: sourceFormatNames[read.format],
      policies: read.policies.map(({ path, label, policyType, range, unknown }) => ({
        path,
        label,
        policyType,
        range,
        ...(unknown === undefined ? {} : { unknown }),
      })),
      principals: read.principals,
      problems,
      findings,
      suppressed: suppressed.length,
    }
  }
}
