/** Where a server was asked to listen, and the variables that say so. */
export interface ListenSettings {
  readonly port: number
  readonly host: string
  /** The variable that sets `port`: `PORT_DOCS`. */
  readonly portVariable: string
  /** The variable that sets `host`: `HOST_DOCS`. */
  readonly hostVariable: string
}

/**
 * The one line to print when a server could not listen: what is wrong and which variable to
 * change, rather than a stack trace. The API says the same of its own variables.
 */
export function cannotListenMessage(error: unknown, settings: ListenSettings): string {
  const { port, host, portVariable, hostVariable } = settings
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
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
    default: {
      const detail = error instanceof Error ? error.message : String(error)
      return `could not listen on \`${host}\` port ${port}: ${detail}: check ${hostVariable} and ${portVariable}`
    }
  }
}
