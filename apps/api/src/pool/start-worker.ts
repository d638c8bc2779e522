/**
 * How a worker thread of the pool starts: it loads the thread's work (`runners.ts`: the AWS
 * service reference, once, and a cache of compiled policy sets of its own), tells the pool it
 * has loaded, or that it could not, and then runs the tasks it is given. A module that cannot be
 * loaded at all stops the thread before this runs; the pool sees that too.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads'
import {
  type FailedMessage,
  failedMessageType,
  type LoadedMessage,
  loadedMessageType,
  type WorkerSettings,
} from './messages.ts'
import { loadRunners } from './runners.ts'
import { runTask, type Task, type TaskResult, type TaskRunners } from './tasks.ts'

export async function startWorker(
  adapt: (runners: TaskRunners) => TaskRunners = (runners) => runners,
): Promise<(task: Task) => TaskResult> {
  const started = performance.now()
  try {
    const runners = adapt(loadRunners(workerData as WorkerSettings))
    const loaded: LoadedMessage = {
      type: loadedMessageType,
      threadId,
      ms: Math.round(performance.now() - started),
    }
    parentPort?.postMessage(loaded)
    return (task) => runTask(runners, task)
  } catch (error) {
    const failed: FailedMessage = {
      type: failedMessageType,
      threadId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }
    parentPort?.postMessage(failed)
    throw error
  }
}
