import type { EvaluationError } from '@connect-policy/core'
import { type ProblemType, problemTypes, problemTypeUri } from './problem-types.ts'

/** Where a bad field is: the part of the request, and a JSON pointer (RFC 6901) into it. */
export interface FieldError {
  readonly in: 'body' | 'query' | 'path'
  readonly pointer: string
  readonly detail: string
}

/** An RFC 9457 problem details object as the API sends it. */
export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly errors?: readonly FieldError[]
  readonly evaluationErrors?: readonly EvaluationError[]
  readonly overBudget?: ProblemOverBudget
}

/** For `batch-over-budget`: the limit a batch would pass, its estimate and what is allowed. */
export interface ProblemOverBudget {
  readonly limit: string
  readonly estimated: number
  readonly allowed: number
}

export interface ProblemExtras {
  readonly errors?: readonly FieldError[]
  readonly evaluationErrors?: readonly EvaluationError[]
  readonly overBudget?: ProblemOverBudget
  /** Headers to send with the problem, such as `Allow` or `Retry-After`. */
  readonly headers?: Readonly<Record<string, string>>
}

/** An error that becomes a problem response; anything else thrown becomes `internal-error`. */
export class ProblemError extends Error {
  readonly problemType: ProblemType
  readonly detail: string
  readonly extras: ProblemExtras

  constructor(problemType: ProblemType, detail: string, extras: ProblemExtras = {}) {
    super(detail)
    this.name = 'ProblemError'
    this.problemType = problemType
    this.detail = detail
    this.extras = extras
  }

  get status(): number {
    return problemTypes[this.problemType].status
  }

  toProblem(): Problem {
    const info = problemTypes[this.problemType]
    return {
      type: problemTypeUri(this.problemType),
      title: info.title,
      status: info.status,
      detail: this.detail,
      ...(this.extras.errors === undefined ? {} : { errors: this.extras.errors }),
      ...(this.extras.evaluationErrors === undefined
        ? {}
        : { evaluationErrors: this.extras.evaluationErrors }),
      ...(this.extras.overBudget === undefined ? {} : { overBudget: this.extras.overBudget }),
    }
  }
}
