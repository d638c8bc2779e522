/// <reference lib="webworker" />
import { questionAnswerer } from './answer-question.ts'
import type { WorkerQuestion } from './worker-protocol.ts'

// Validation and evaluation run here, off the page's thread, so that typing never waits on them.
const answer = questionAnswerer()

self.addEventListener('message', (event: MessageEvent<WorkerQuestion>) => {
  const reply = answer(event.data)
  if (reply !== undefined) self.postMessage(reply)
})
