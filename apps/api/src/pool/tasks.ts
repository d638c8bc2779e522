import type { EvaluationError } from '@connect-policy/core'
import type { Limits } from '../env.ts'
import { timeoutProblem } from '../http/deadline.ts'
import { JsonText } from '../http/handle.ts'
import { ProblemError, type ProblemOverBudget } from '../problem/problem.ts'
import type { ProblemType } from '../problem/problem-types.ts'
import type { AnalyzeAnswer, AnalyzeTask } from '../routes/analyze/analyze-body.ts'
import type {
  EvaluateAnswer,
  EvaluateBody,
  EvaluateCall,
} from '../routes/evaluate/evaluate-body.ts'
import type { SourcesAnswer, SourcesTask } from '../routes/sources/sources-body.ts'
import type { ValidateAnswer, ValidateBody } from '../routes/validate/validate-body.ts'

/** When a task's request must be answered by, which every thread reads alike. */
export interface TaskTime {
  /** In `Date.now()` milliseconds. */
  readonly deadline: number
  /** The request's time limit, for the problem that says it was passed. */
  readonly timeoutMs: number
}

/**
 * What the main thread sends a worker thread: a route's body, parsed and checked by its schema,
 * and what the route's work needs besides. Plain data, copied between threads.
 */
export type Task = TaskTime &
  (
    | { readonly kind: 'evaluate'; readonly body: EvaluateBody; readonly limits: Limits }
    | { readonly kind: 'validate'; readonly body: ValidateBody }
    | ({ readonly kind: 'analyze' } & AnalyzeTask)
    | ({ readonly kind: 'sources' } & SourcesTask)
  )

/** A problem as it crosses back from a worker thread, to be thrown again on the main thread. */
export interface TaskProblem {
  readonly type: ProblemType
  readonly detail: string
  readonly evaluationErrors?: readonly EvaluationError[]
  readonly overBudget?: ProblemOverBudget
}

/**
 * What a worker thread answers: the answer already serialised as the route sends it (so that
 * neither its copy between threads nor `JSON.stringify` weighs on the main thread), or the
 * problem the route refuses the call with, and the milliseconds the thread spent on it (none for
 * a task it did not start, its deadline past). Any other failure rejects the task.
 */
export type TaskResult = ({ readonly json: string } | { readonly problem: TaskProblem }) & {
  readonly ms?: number
}

/** The work of each kind of task, as a worker thread holds it. */
export interface TaskRunners {
  /** The answer, or its JSON when the runner wrote it itself (a batch, measured as it is written). */
  readonly evaluate: (
    body: EvaluateBody,
    call: EvaluateCall,
  ) => EvaluateAnswer | JsonText<EvaluateAnswer>
  readonly validate: (body: ValidateBody) => ValidateAnswer
  readonly analyze: (task: AnalyzeTask) => AnalyzeAnswer
  readonly sources: (task: SourcesTask) => SourcesAnswer
}

/**
 * Runs a task: its answer as JSON, or the problem it was refused with. A task whose deadline
 * passed while it waited for the thread is not started.
 */
export function runTask(runners: TaskRunners, task: Task): TaskResult {
  const { deadline, timeoutMs } = task
  if (Date.now() > deadline) return { problem: problemFields(timeoutProblem(timeoutMs)) }
  const started = performance.now()
  const ms = () => performance.now() - started
  try {
    const answer =
      task.kind === 'evaluate'
        ? runners.evaluate(task.body, { limits: task.limits, deadline, timeoutMs })
        : task.kind === 'analyze'
          ? runners.analyze(task)
          : task.kind === 'sources'
            ? runners.sources(task)
            : runners.validate(task.body)
    const json = answer instanceof JsonText ? answer.text : JSON.stringify(answer)
    return { json, ms: ms() }
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error
    return { problem: problemFields(error), ms: ms() }
  }
}

function problemFields(error: ProblemError): TaskProblem {
  const { evaluationErrors, overBudget } = error.extras
  return {
    type: error.problemType,
    detail: error.detail,
    ...(evaluationErrors === undefined ? {} : { evaluationErrors }),
    ...(overBudget === undefined ? {} : { overBudget }),
  }
}

/** The problem a task's result holds, as the error the main thread throws. */
export function problemOf({
  type,
  detail,
  evaluationErrors,
  overBudget,
}: TaskProblem): ProblemError {
  return new ProblemError(type, detail, {
    ...(evaluationErrors === undefined ? {} : { evaluationErrors }),
    ...(overBudget === undefined ? {} : { overBudget }),
  })
}
