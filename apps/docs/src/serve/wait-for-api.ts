/** How long one probe may take, and how long to leave between probes. */
const probeTimeoutMs = 2000
const retryMs = 250

/**
 * Asks the API's `/readyz` until it answers 200 or `timeoutMs` have passed: `true` once it is
 * ready. `/readyz` rather than `/healthz`: the API answers it 200 only once it has logged that it
 * is ready, so that what is printed after this is printed after everything the API says as it
 * starts (and the API logs a probe that succeeds at `debug`, below its default level).
 */
export async function waitForApi(
  apiBaseUrl: string,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<boolean> {
  const giveUp = now() + timeoutMs
  for (;;) {
    try {
      const response = await fetch(`${apiBaseUrl}/readyz`, {
        signal: AbortSignal.timeout(Math.max(1, Math.min(probeTimeoutMs, giveUp - now()))),
      })
      await response.body?.cancel()
      if (response.status === 200) return true
    } catch {
      // not listening yet, or not answering in time: asked again until the wait is over
    }
    const left = giveUp - now()
    if (left <= 0) return false
    // the interval of a poll with a deadline, not a guess at when the API is up
    await new Promise((resolve) => setTimeout(resolve, Math.min(retryMs, left)))
  }
}
