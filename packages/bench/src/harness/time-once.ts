/** Times one call: for work too long to repeat much, such as reading a corpus. */
export function timeOnce<T>(work: () => T): { readonly value: T; readonly milliseconds: number } {
  const start = performance.now()
  const value = work()
  return { value, milliseconds: performance.now() - start }
}
