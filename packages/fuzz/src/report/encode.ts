/**
 * A value as JSON that keeps what JSON cannot hold (undefined, NaN, infinities, -0, big
 * integers, dates, maps, sets, typed and sparse arrays, boxed values, objects without a
 * prototype), each as a one-key object whose key starts with `$`: a finding's input is written
 * as it was given, and `decode` gives it back for a regression test.
 */
export function encode(value: unknown, depth = 0): unknown {
  if (depth > 10_000) return { $truncated: true }
  if (value === undefined) return { $undefined: true }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $number: 'NaN' }
    if (!Number.isFinite(value)) return { $number: value > 0 ? 'Infinity' : '-Infinity' }
    if (Object.is(value, -0)) return { $number: '-0' }
    return value
  }
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  if (typeof value === 'symbol') return { $symbol: value.description ?? '' }
  if (typeof value === 'function') return { $function: value.name }
  if (typeof value !== 'object' || value === null) return value
  if (value instanceof Date)
    return { $date: Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString() }
  if (value instanceof Map)
    return { $map: [...value.entries()].map((entry) => encode(entry, depth + 1)) }
  if (value instanceof Set)
    return { $set: [...value.values()].map((item) => encode(item, depth + 1)) }
  if (ArrayBuffer.isView(value)) {
    return {
      $typed: value.constructor.name,
      values: [...(value as unknown as Iterable<unknown>)].map((item) => encode(item, depth + 1)),
    }
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    return { $boxed: encode(value.valueOf(), depth + 1) }
  }
  if (Array.isArray(value)) {
    const holes = value.length > 0 && Object.keys(value).length < value.length
    if (holes) {
      return {
        $sparse: value.length,
        items: Object.entries(value).map(([index, item]) => [
          Number(index),
          encode(item, depth + 1),
        ]),
      }
    }
    return value.map((item) => encode(item, depth + 1))
  }
  const entries = Object.entries(value).map(([key, item]) => [key, encode(item, depth + 1)])
  if (Object.getPrototypeOf(value) === null) return { $nullPrototype: entries }
  // keys that would read as an encoding, or set the prototype, are kept as a list of entries
  if (entries.some(([key]) => String(key).startsWith('$') || key === '__proto__')) {
    return { $entries: entries }
  }
  return Object.fromEntries(entries)
}

const typedArrays: Record<string, new (values: unknown[]) => unknown> = {
  Int8Array: Int8Array as never,
  Uint8Array: Uint8Array as never,
  Uint8ClampedArray: Uint8ClampedArray as never,
  Int16Array: Int16Array as never,
  Uint16Array: Uint16Array as never,
  Int32Array: Int32Array as never,
  Uint32Array: Uint32Array as never,
  Float32Array: Float32Array as never,
  Float64Array: Float64Array as never,
  BigInt64Array: BigInt64Array as never,
  BigUint64Array: BigUint64Array as never,
}

function fromEntries(
  entries: [string, unknown][],
  prototype: object | null,
): Record<string, unknown> {
  const object = Object.create(prototype) as Record<string, unknown>
  for (const [key, item] of entries) {
    Object.defineProperty(object, key, {
      value: decode(item),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return object
}

/** The value `encode` wrote. */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode)
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  const only = keys.length === 1 ? keys[0] : undefined
  if (only === '$undefined') return undefined
  if (only === '$number') return Number(record.$number === '-0' ? -0 : record.$number)
  if (only === '$bigint') return BigInt(String(record.$bigint))
  if (only === '$symbol') return Symbol(String(record.$symbol))
  if (only === '$function') return function named() {}
  if (only === '$date')
    return new Date(record.$date === 'Invalid' ? Number.NaN : String(record.$date))
  if (only === '$map')
    return new Map((record.$map as unknown[]).map((entry) => decode(entry) as [unknown, unknown]))
  if (only === '$set') return new Set((record.$set as unknown[]).map(decode))
  if (only === '$boxed') return Object(decode(record.$boxed))
  if (only === '$truncated') return undefined
  if (keys.length === 2 && '$typed' in record) {
    const make = typedArrays[String(record.$typed)] ?? Uint8Array
    return new make((record.values as unknown[]).map(decode))
  }
  if (keys.length === 2 && '$sparse' in record) {
    const array: unknown[] = new Array(Number(record.$sparse))
    for (const [index, item] of record.items as [number, unknown][]) array[index] = decode(item)
    return array
  }
  if (only === '$nullPrototype')
    return fromEntries(record.$nullPrototype as [string, unknown][], null)
  if (only === '$entries')
    return fromEntries(record.$entries as [string, unknown][], Object.prototype)
  return Object.fromEntries(keys.map((key) => [key, decode(record[key])]))
}
