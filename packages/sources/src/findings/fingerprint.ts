/**
 * A short, stable hash of text (64-bit FNV-1a, as 16 hexadecimal digits): the same text gives the
 * same fingerprint on every machine and in every run. Not for secrets: for telling findings apart.
 */
export function fingerprint(text: string): string {
  if (typeof text !== 'string') return fingerprint('')
  let high = 0xcbf29ce4
  let low = 0x84222325
  for (let index = 0; index < text.length; index++) {
    low = (low ^ text.charCodeAt(index)) >>> 0
    // multiply the 64-bit value by the FNV prime 0x100000001b3
    const lowProduct = low * 0x1b3
    const carry = Math.floor(lowProduct / 0x100000000)
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0
    low = lowProduct >>> 0
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0')
}
