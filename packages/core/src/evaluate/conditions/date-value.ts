const isoDate =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/

/**
 * A date condition value as an instant in milliseconds: W3C ISO 8601 (`2026-11-23`,
 * `2026-11-23T10:00:00Z`, with or without seconds, fractions and offset; no offset means UTC) or
 * epoch seconds (*IAM JSON policy elements: Condition operators*, Date).
 */
export function parseDateValue(value: string | number | boolean): number | undefined {
  if (typeof value === 'boolean') return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : undefined
  const text = value.trim()
  if (/^-?\d+(\.\d+)?$/.test(text) && !/^\d{4}$/.test(text)) return Number(text) * 1000
  const parts = isoDate.exec(text)
  if (parts === null) return undefined
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour = '00',
    minute = '00',
    second = '00',
    fraction = '0',
    zone = 'Z',
  ] = parts
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  const milliseconds = fraction.padEnd(3, '0').slice(0, 3)
  const instant = Date.parse(
    `${year}-${month}-${day}T${hour}:${minute}:${second}.${milliseconds}${offset}`,
  )
  return Number.isNaN(instant) ? undefined : instant
}
