import { isArnText } from './text-at.ts'

/** The six parts of an ARN: `arn:partition:service:region:account-id:resource`. */
export interface ArnParts {
  readonly partition: string
  readonly service: string
  readonly region: string
  readonly account: string
  /** Everything after the fifth colon, colons and slashes included. */
  readonly resource: string
}

/**
 * Splits an ARN at its first five colons (*IAM identifiers*, ARN format). The resource part keeps
 * any further colons, as in `function:my-function:alias`. Returns undefined for text that does
 * not start with `arn:` or has fewer than five colons.
 */
export function splitArn(text: string): ArnParts | undefined {
  if (!isArnText(text)) return undefined
  const colons: number[] = [3]
  for (let index = 4; index < text.length && colons.length < 5; index++) {
    if (text.charCodeAt(index) === COLON) colons.push(index)
  }
  if (colons.length < 5) return undefined
  const [, partitionEnd, serviceEnd, regionEnd, accountEnd] = colons as [
    number,
    number,
    number,
    number,
    number,
  ]
  return {
    partition: text.slice(4, partitionEnd),
    service: text.slice(partitionEnd + 1, serviceEnd),
    region: text.slice(serviceEnd + 1, regionEnd),
    account: text.slice(regionEnd + 1, accountEnd),
    resource: text.slice(accountEnd + 1),
  }
}

const COLON = 58
