import { splitArn } from '../match/index.ts'
import { variableSpans } from './variable-spans.ts'

/** One piece of an ARN format: literal text, or a `${Name}` variable standing for an identifier. */
export type FormatToken =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'variable'
      readonly name: string
      /** Separators the identifier cannot contain, because the service puts one after it. */
      readonly excludes: string
    }

/** An ARN format of the service reference, split into the six fields of an ARN. */
export interface ArnFormat {
  readonly source: string
  /** partition, service, region, account, resource */
  readonly fields: readonly [
    readonly FormatToken[],
    readonly FormatToken[],
    readonly FormatToken[],
    readonly FormatToken[],
    readonly FormatToken[],
  ]
  /** The same fields as characters, for comparing with policy patterns. */
  readonly characters: readonly (readonly FormatCharacter[])[]
  /** The literal service field, such as `connect` (some types live under another service). */
  readonly service: string
}

/**
 * A format field as characters: literal characters, or a variable that takes one or more
 * characters, or none when `mayBeEmpty`.
 */
export type FormatCharacter = string | { readonly excludes: string; readonly mayBeEmpty?: boolean }

function formatCharacters(tokens: readonly FormatToken[], mayBeEmpty: boolean): FormatCharacter[] {
  const characters: FormatCharacter[] = []
  for (const token of tokens) {
    if (token.kind === 'text') characters.push(...token.text)
    else
      characters.push(
        mayBeEmpty ? { excludes: token.excludes, mayBeEmpty } : { excludes: token.excludes },
      )
  }
  return characters
}

// Resources of global services have no Region, and resources AWS owns no account:
// `arn:aws:iam::aws:policy/...`, `arn:aws:ssm:*::document/AWS-RunRemoteScript`.
const fieldsThatMayBeEmpty = [false, false, true, true, false]

/**
 * The names of the variables of a format that are directly followed by `/`. Colons are left
 * out: services such as CloudWatch Logs write `log-group:${LogGroupName}:*` for a log group,
 * and counting a colon as a separator would wrongly say such ARNs fit no resource type.
 */
export function separatedVariables(format: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const { end, name } of variableSpans(format)) {
    if (format[end] === '/') found.set(name, '/')
  }
  return found
}

function tokenize(text: string, separators: ReadonlyMap<string, string>): FormatToken[] {
  const tokens: FormatToken[] = []
  let last = 0
  for (const { start, end, name } of variableSpans(text)) {
    if (start > last) tokens.push({ kind: 'text', text: text.slice(last, start) })
    tokens.push({ kind: 'variable', name, excludes: separators.get(name) ?? '' })
    last = end
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) })
  return tokens
}

/**
 * Reads an ARN format such as `arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}`.
 * `separators` says, per variable name, which separators the identifier cannot contain; a
 * service's instance ID cannot hold a slash because `instance/${InstanceId}/agent/...` follows
 * it with one. Formats that are not ARNs give undefined.
 */
export function readArnFormat(
  source: string,
  separators: ReadonlyMap<string, string>,
): ArnFormat | undefined {
  const parts = splitArn(source)
  if (parts === undefined) return undefined
  // the first four fields are single values: no identifier there holds a colon
  const early = (text: string) =>
    tokenize(text, separators).map((token) =>
      token.kind === 'variable' ? { ...token, excludes: `${token.excludes}:` } : token,
    )
  const fields = [
    early(parts.partition),
    early(parts.service),
    early(parts.region),
    early(parts.account),
    tokenize(parts.resource, separators),
  ] as const
  return {
    source,
    fields,
    characters: fields.map((tokens, index) =>
      formatCharacters(tokens, fieldsThatMayBeEmpty[index] ?? false),
    ),
    service: parts.service,
  }
}
