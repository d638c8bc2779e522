import { shellQuote } from './shell-quote.ts'

/**
 * The `curl` line that sends a JSON body to an operation, to copy into a shell: the body as
 * compact JSON, every word quoted for the shell (`shellQuote`), so that a body holding quotes,
 * `$` or backticks reaches the API as it is.
 */
export function curlCommand(method: string, url: string, body: unknown): string {
  return [
    'curl -sS -X',
    shellQuote(method.toUpperCase()),
    shellQuote(url),
    '-H',
    shellQuote('content-type: application/json'),
    '-d',
    shellQuote(JSON.stringify(body)),
  ].join(' ')
}
