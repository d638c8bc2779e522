/** What the start script knows once the site is served. */
export interface ReadyState {
  /** The API's base URL, without a final slash (`DOCS_API_BASE_URL`, or from `PORT` and `HOST`). */
  readonly apiBaseUrl: string
  /** The path of the API's reference page: `DOCS_API_REFERENCE_PATH`. */
  readonly apiReferencePath: string
  /** Whether the API answered `/readyz` within the wait, and if not, how long was waited. */
  readonly api: { readonly ready: true } | { readonly ready: false; readonly waitedMs: number }
  /** The URL the site is served at, without a final slash. */
  readonly docsUrl: string
}

/**
 * The closing lines of `npm start`: where the API and the site are, each on a line of its own,
 * labels padded so that the URLs line up. An API that did not answer is said so, with how to
 * start it, since the site's links lead there.
 */
export function readyLines(state: ReadyState): [string, string] {
  const api = `${state.apiBaseUrl}/`
  const apiNote = state.api.ready
    ? `reference: ${state.apiBaseUrl}${state.apiReferencePath}`
    : `not ready after ${Math.round(state.api.waitedMs / 1000)} s: start it with \`pnpm --filter @connect-policy/api start\``
  return [
    `API:  ${api}  (${apiNote})`,
    `Docs: ${state.docsUrl}/  (playground: ${state.docsUrl}/playground)`,
  ]
}
