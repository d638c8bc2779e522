/** Where a listener was asked to listen, and the variables that say so. */
export interface ListenSettings {
  readonly port: number
  readonly host: string
  /** The variable that sets `port`: `PORT`, `HEALTH_PORT`. */
  readonly portVariable: string
  /** The variable that sets `host`. */
  readonly hostVariable: string
}

/**
 * The one line an operator needs when a listener could not listen: what is wrong and which
 * variable to change, rather than a stack trace. `code` is Node's error code (`EADDRINUSE`, ...).
 */
export function cannotListenMessage(
  code: string | undefined,
  detail: string,
  settings: ListenSettings,
): string {
  const { port, host, portVariable, hostVariable } = settings
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} is in use: set ${portVariable} to a free port`
    case 'EACCES':
      return `port ${port} needs privileges this process does not have: set ${portVariable} to a port above 1023`
    case 'EADDRNOTAVAIL':
      return `\`${host}\` is not an address of this machine: set ${hostVariable}`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `\`${host}\` is not a host name this machine resolves: set ${hostVariable}`
    default:
      return `could not listen on \`${host}\` port ${port}: ${detail}: check ${hostVariable} and ${portVariable}`
  }
}

/** A listener that could not listen; its message is the line `cannotListenMessage` writes. */
export class CannotListenError extends Error {
  override readonly name = 'CannotListenError'

  constructor(cause: unknown, settings: ListenSettings) {
    const given =
      typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined
    const code = typeof given === 'string' ? given : undefined
    const detail = cause instanceof Error ? cause.message : String(cause)
    super(cannotListenMessage(code, detail, settings), { cause })
  }
}

/** What a cluster worker that could not listen tells the primary, which says it once. */
export interface CannotListenMessage {
  readonly cannotListen: string
}

/** Whether a message from a worker is a `CannotListenMessage`. */
export function isCannotListenMessage(message: unknown): message is CannotListenMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { cannotListen?: unknown }).cannotListen === 'string'
  )
}
