/** The only place the demo reads its environment. */

/** Colours only for a terminal, and never when `NO_COLOR` is set (https://no-color.org). */
export function useColor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '')
}
