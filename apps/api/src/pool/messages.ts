/** What every worker thread is started with (piscina's `workerData`). */
export interface WorkerSettings {
  /** Estimated bytes of compiled sets the thread keeps. */
  readonly cacheBytes: number
  /** Anything more a test's own task module reads. */
  readonly [more: string]: unknown
}

export const loadedMessageType = 'connect-policy:loaded'

/** What a worker thread posts once it has loaded the AWS service reference. */
export interface LoadedMessage {
  readonly type: typeof loadedMessageType
  readonly threadId: number
  /** Milliseconds the load took. */
  readonly ms: number
}

export const failedMessageType = 'connect-policy:failed'

/** What a worker thread posts when it cannot load its work: the error, as text. */
export interface FailedMessage {
  readonly type: typeof failedMessageType
  readonly threadId: number
  readonly error: string
}

function typeOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null
    ? (message as { type?: unknown }).type
    : undefined
}

export function isLoadedMessage(message: unknown): message is LoadedMessage {
  return typeOf(message) === loadedMessageType
}

export function isFailedMessage(message: unknown): message is FailedMessage {
  return typeOf(message) === failedMessageType
}
