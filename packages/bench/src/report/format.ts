/** A duration in milliseconds, in the unit that keeps three significant figures readable. */
export function formatTime(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return 'n/a'
  if (milliseconds >= 1000) return `${(milliseconds / 1000).toFixed(2)} s`
  if (milliseconds >= 1) return `${milliseconds.toPrecision(3)} ms`
  if (milliseconds >= 0.001) return `${(milliseconds * 1000).toPrecision(3)} µs`
  return `${Math.round(milliseconds * 1e6)} ns`
}

/** A count of bytes in KiB or bytes. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a'
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${Math.round(bytes)} B`
}

/** Operations per second from the time of one, in a compact form (`1.25 M/s`). */
export function formatRate(millisecondsPerOperation: number): string {
  const perSecond = 1000 / millisecondsPerOperation
  if (!Number.isFinite(perSecond)) return 'n/a'
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`
  return `${perSecond.toFixed(1)} /s`
}

/** A ratio as `×12.3`. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a'
  return ratio >= 10 ? `×${ratio.toFixed(0)}` : `×${ratio.toFixed(2)}`
}

/** A whole number with thousands separators. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US')
}
