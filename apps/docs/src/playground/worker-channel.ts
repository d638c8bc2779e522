import type { CatalogData } from '@connect-policy/core'
import type { AnsweredQuestion, WorkerAnswer } from './worker-protocol.ts'

/** A question without its id, which the channel gives it. */
export type ChannelQuestion = AnsweredQuestion extends infer Q
  ? Q extends AnsweredQuestion
    ? Omit<Q, 'id'>
    : never
  : never

/**
 * A worker that answers only the latest question: while it works on one, newer questions replace
 * each other, and the last is sent when it is done. Typing fast thus costs at most one answer
 * that nobody reads, never a queue of them. Each question carries a tag of the page's (the text
 * it is about), handed back with its answer.
 */
export interface LatestOnlyChannel<Tag> {
  ask(question: ChannelQuestion, tag: Tag): void
  dispose(): void
}

/** How a worker is made: a module worker of `worker.ts` in the site, the same work in-thread elsewhere. */
export type WorkerFactory = () => Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>

export function latestOnlyChannel<Tag>(
  makeWorker: WorkerFactory,
  catalog: CatalogData | undefined,
  onAnswer: (answer: WorkerAnswer, tag: Tag) => void,
): LatestOnlyChannel<Tag> {
  const worker = makeWorker()
  let nextId = 1
  let inFlight: { id: number; tag: Tag } | undefined
  let pending: { question: ChannelQuestion; tag: Tag } | undefined
  const send = (question: ChannelQuestion, tag: Tag) => {
    inFlight = { id: nextId, tag }
    worker.postMessage({ ...question, id: nextId })
    nextId += 1
  }
  worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
    const answered = inFlight
    inFlight = undefined
    if (pending !== undefined) {
      const { question, tag } = pending
      pending = undefined
      send(question, tag)
      // The answer is stale: a newer question is on its way.
      return
    }
    if (answered !== undefined && answered.id === event.data.id) onAnswer(event.data, answered.tag)
  })
  worker.postMessage({ kind: 'catalog', data: catalog })
  return {
    ask(question, tag) {
      if (inFlight !== undefined) pending = { question, tag }
      else send(question, tag)
    },
    dispose() {
      worker.terminate()
    },
  }
}

/**
 * A factory of workers that do the same work on the calling thread, answering in a microtask:
 * for where no `Worker` exists, and for tests in Node.
 */
export function inThreadWorker(
  answer: (question: never) => WorkerAnswer | undefined,
): WorkerFactory {
  return () => {
    const listeners: ((event: MessageEvent<WorkerAnswer>) => void)[] = []
    return {
      postMessage: (question: unknown) => {
        const reply = answer(question as never)
        if (reply === undefined) return
        queueMicrotask(() => {
          for (const listener of listeners) listener({ data: reply } as MessageEvent<WorkerAnswer>)
        })
      },
      terminate: () => {
        listeners.length = 0
      },
      addEventListener: (_type: string, listener: unknown) => {
        listeners.push(listener as (event: MessageEvent<WorkerAnswer>) => void)
      },
    } as ReturnType<WorkerFactory>
  }
}
