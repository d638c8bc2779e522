import { describe, expect, it } from 'vitest'
import { questionAnswerer } from './answer-question.ts'
import { inThreadWorker, latestOnlyChannel, type WorkerFactory } from './worker-channel.ts'
import type { WorkerAnswer, WorkerQuestion } from './worker-protocol.ts'

const policy = (action: string) => ({
  type: 'identity' as const,
  level: 0,
  text: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
  }),
})

/** A worker that holds each question until the test releases it, as a busy worker does. */
function heldWorker() {
  const answer = questionAnswerer()
  const held: WorkerQuestion[] = []
  const listeners: ((event: MessageEvent<WorkerAnswer>) => void)[] = []
  const factory: WorkerFactory = () =>
    ({
      postMessage: (question: WorkerQuestion) => {
        if (question.kind === 'catalog') answer(question)
        else held.push(question)
      },
      terminate: () => {},
      addEventListener: (_: string, listener: (event: MessageEvent<WorkerAnswer>) => void) => {
        listeners.push(listener)
      },
    }) as unknown as ReturnType<WorkerFactory>
  const release = () => {
    const question = held.shift()
    const reply = question === undefined ? undefined : answer(question)
    if (reply !== undefined) {
      for (const listener of listeners) listener({ data: reply } as MessageEvent<WorkerAnswer>)
    }
  }
  return { factory, held, release }
}

describe('latestOnlyChannel', () => {
  it('sends only the latest of the questions asked while the worker is busy, and hands back its tag', () => {
    const worker = heldWorker()
    const answers: [string, string][] = []
    const channel = latestOnlyChannel<string>(worker.factory, undefined, (answer, tag) => {
      if (answer.kind === 'findings') answers.push([tag, answer.findings[0]?.code ?? 'none'])
    })
    channel.ask({ kind: 'findings', policy: policy('connect:DescribeUser') }, 'first')
    channel.ask({ kind: 'findings', policy: policy('connect:ListUsers') }, 'second')
    channel.ask({ kind: 'findings', policy: policy(' connect:ListUsers') }, 'third')
    expect(worker.held).toHaveLength(1)
    worker.release()
    // the first answer is stale: the third question is sent instead of being shown
    expect(answers).toEqual([])
    expect(worker.held).toHaveLength(1)
    worker.release()
    expect(answers).toEqual([['third', 'action-has-whitespace']])
    expect(worker.held).toHaveLength(0)
  })

  it('answers in a microtask where the work runs on the calling thread', async () => {
    const answers: WorkerAnswer[] = []
    const channel = latestOnlyChannel<number>(
      inThreadWorker(questionAnswerer()),
      undefined,
      (answer) => answers.push(answer),
    )
    channel.ask({ kind: 'findings', policy: policy('connect:DescribeUser') }, 1)
    expect(answers).toEqual([])
    await Promise.resolve()
    expect(answers.map((answer) => answer.kind)).toEqual(['findings'])
    channel.dispose()
  })
})

describe('questionAnswerer', () => {
  it('validates, runs and compares, and says so when the work throws instead of dying', () => {
    const answer = questionAnswerer()
    expect(answer({ kind: 'catalog', data: undefined })).toBeUndefined()
    const run = answer({
      kind: 'run',
      id: 2,
      state: {
        policies: [policy('connect:DescribeUser')],
        selected: 0,
        action: 'connect:DescribeUser',
        resources: ['arn:aws:connect:us-east-1:123456789012:instance/i/agent/u'],
        principal: '',
        context: [],
      },
    })
    expect(run?.kind === 'run' && run.run.result.decision).toBe('Allow')
    const compared = answer({
      kind: 'compare',
      id: 3,
      state: { before: policy('connect:DescribeUser').text, after: policy('connect:*').text },
    })
    expect(compared?.kind === 'compare' && compared.view.errors === undefined).toBe(true)
    const broken = answer({ kind: 'run', id: 4, state: null as never })
    expect(broken).toMatchObject({ kind: 'failed', id: 4 })
  })
})
