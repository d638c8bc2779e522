import type { Io } from '../io.ts'

/**
 * Colours only for a terminal, never when `NO_COLOR` is set to anything but the empty string
 * (https://no-color.org), nor on a `dumb` terminal that cannot show them.
 */
export function useColor(io: Pick<Io, 'isTTY' | 'env'>): boolean {
  const noColor = io.env.NO_COLOR
  return io.isTTY && (noColor === undefined || noColor === '') && io.env.TERM !== 'dumb'
}

export type Paint = (text: string) => string

/** The few text styles the output uses; each is the identity when colours are off. */
export interface Style {
  readonly bold: Paint
  readonly dim: Paint
  readonly red: Paint
  readonly green: Paint
  readonly yellow: Paint
  readonly magenta: Paint
  readonly cyan: Paint
}

const plain: Paint = (text) => text

function sgr(open: number, close: number): Paint {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`)
}

export function createStyle(color: boolean): Style {
  if (!color) {
    return {
      bold: plain,
      dim: plain,
      red: plain,
      green: plain,
      yellow: plain,
      magenta: plain,
      cyan: plain,
    }
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    magenta: sgr(35, 39),
    cyan: sgr(36, 39),
  }
}
