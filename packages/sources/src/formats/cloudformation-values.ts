import type { SourceRange } from '@connect-policy/core'
import type { Piece, Rendered, RenderValue } from '../project/print-json.ts'
import { items, type SourceNode } from '../tree/source-node.ts'

/** Values the deployment would fill in that the user knows: parameters and pseudo parameters. */
export interface TemplateValues {
  /** Values of the template's parameters, and of pseudo parameters by their full name (`AWS::AccountId`). */
  readonly parameters?: Readonly<Record<string, string>>
}

/** An intrinsic function as written: its name (`Ref`, `Sub`, `GetAtt`) and argument. */
interface Intrinsic {
  readonly name: string
  readonly argument: SourceNode
  readonly range: SourceRange
}

function intrinsicOf(node: SourceNode): Intrinsic | undefined {
  if (node.kind === 'tagged') {
    return { name: node.tag, argument: node.value, range: node.range }
  }
  if (node.kind !== 'object' || node.members.length !== 1) return undefined
  const [only] = node.members
  if (only === undefined) return undefined
  if (only.key === 'Ref') return { name: 'Ref', argument: only.value, range: node.range }
  if (only.key.startsWith('Fn::')) {
    return { name: only.key.slice(4), argument: only.value, range: node.range }
  }
  return undefined
}

/** Text safe inside a placeholder, which sits in ARNs: no `:`, `/`, braces or spaces. */
function safe(name: string): string {
  return name.replaceAll('::', '.').replace(/[^A-Za-z0-9._-]/g, '.')
}

function placeholder(words: string, range: SourceRange): Piece[] {
  return [{ text: `{{${words}}}`, range }]
}

/**
 * Reads CloudFormation's intrinsic functions in a policy (long forms `{"Fn::Sub": ...}` and YAML's
 * short tags `!Sub`), so that the validator and evaluator see readable placeholders instead:
 * `!Ref Bucket` is `{{Ref Bucket}}`, `!GetAtt Role.Arn` is `{{GetAtt Role.Arn}}`, a `${Bucket}`
 * of `!Sub` is `{{Ref Bucket}}` (never a policy variable), `AWS::AccountId` is
 * `{{AWS.AccountId}}`. `!Join` and `!Sub` keep the text written around them, so that what is
 * written there is still checked, with positions in the template. `!Ref AWS::NoValue` takes the
 * value out; `!If` between two lists or items keeps both, so that every statement the template
 * could deploy is checked. Values the user gives (`values.parameters`) are written in.
 */
export function cloudFormationValues(values: TemplateValues = {}): RenderValue {
  const given = values?.parameters
  const known = new Map<string, string>()
  if (typeof given === 'object' && given !== null) {
    for (const [name, value] of Object.entries(given)) {
      if (typeof value === 'string') known.set(name, value)
    }
  }

  const reference = (name: string, range: SourceRange): Piece[] => {
    const value = known.get(name)
    if (value !== undefined) return [{ text: value, range }]
    if (name.startsWith('AWS::')) return placeholder(safe(name), range)
    return placeholder(`Ref ${safe(name)}`, range)
  }

  /** The text of a value that must be a string, as pieces; a placeholder for anything else. */
  const stringPieces = (node: SourceNode, depth: number): Piece[] => {
    if (node.kind === 'string')
      return [{ text: node.value, copiedFrom: { node, at: 0 }, range: node.range }]
    if (node.kind === 'number' || node.kind === 'boolean') {
      return [{ text: String(node.value), range: node.range }]
    }
    const rendered = depth > 64 ? undefined : render(node, depth + 1)
    if (rendered?.kind === 'string') return [...rendered.pieces]
    return placeholder('value', node.range)
  }

  const sub = (argument: SourceNode, range: SourceRange, depth: number): Piece[] => {
    const [template, variables] =
      argument.kind === 'array' ? [argument.items[0], argument.items[1]] : [argument, undefined]
    if (template?.kind !== 'string') return placeholder('Sub', range)
    const pieces: Piece[] = []
    const text = template.value
    let at = 0
    while (at < text.length) {
      const open = text.indexOf('${', at)
      const close = open < 0 ? -1 : text.indexOf('}', open + 2)
      if (open < 0 || close < 0) {
        pieces.push({
          text: text.slice(at),
          copiedFrom: { node: template, at },
          range: template.range,
        })
        break
      }
      if (open > at) {
        pieces.push({
          text: text.slice(at, open),
          copiedFrom: { node: template, at },
          range: template.range,
        })
      }
      const name = text.slice(open + 2, close)
      if (name.startsWith('!')) {
        // `${!Literal}` is written as `${Literal}`
        pieces.push({ text: `\${${name.slice(1)}}`, range: template.range })
      } else {
        const variable =
          variables?.kind === 'object' ? variables.members.find((m) => m.key === name) : undefined
        if (variable !== undefined) pieces.push(...stringPieces(variable.value, depth))
        else if (name.includes('.') && !name.startsWith('AWS::')) {
          pieces.push(...placeholder(`GetAtt ${safe(name)}`, template.range))
        } else pieces.push(...reference(name, template.range))
      }
      at = close + 1
    }
    return pieces
  }

  const render = (node: SourceNode, depth = 0): Rendered | undefined => {
    const intrinsic = intrinsicOf(node)
    if (intrinsic === undefined) return undefined
    const { name, argument, range } = intrinsic
    const string = (pieces: Piece[]): Rendered => ({ kind: 'string', pieces, range })
    switch (name) {
      case 'Ref': {
        const target = argument.kind === 'string' ? argument.value : undefined
        if (target === 'AWS::NoValue') return { kind: 'drop' }
        return string(target === undefined ? placeholder('Ref', range) : reference(target, range))
      }
      case 'GetAtt': {
        const words =
          argument.kind === 'string'
            ? argument.value
            : items(argument)
                .map((item) => (item.kind === 'string' ? item.value : 'value'))
                .join('.')
        return string(placeholder(`GetAtt ${safe(words)}`, range))
      }
      case 'Sub':
        return string(sub(argument, range, depth))
      case 'Join': {
        const [delimiter, list] = items(argument)
        if (delimiter?.kind !== 'string' || list?.kind !== 'array')
          return string(placeholder('Join', range))
        const pieces: Piece[] = []
        list.items.forEach((item, index) => {
          if (index > 0 && delimiter.value !== '') {
            pieces.push({
              text: delimiter.value,
              copiedFrom: { node: delimiter, at: 0 },
              range: delimiter.range,
            })
          }
          pieces.push(...stringPieces(item, depth))
        })
        return string(pieces)
      }
      case 'If': {
        // every value either branch could deploy is read: both in a list, the first elsewhere
        const [, whenTrue, whenFalse] = items(argument)
        const branches = [whenTrue, whenFalse].filter(
          (branch): branch is SourceNode =>
            branch !== undefined && render(branch, depth + 1)?.kind !== 'drop',
        )
        if (branches.length === 0) return { kind: 'drop' }
        return {
          kind: 'values',
          nodes: branches.flatMap((branch) => (branch.kind === 'array' ? branch.items : [branch])),
        }
      }
      case 'ImportValue': {
        const words = argument.kind === 'string' ? ` ${safe(argument.value)}` : ''
        return string(placeholder(`ImportValue${words}`, range))
      }
      case 'FindInMap': {
        const words = items(argument)
          .map((item) => (item.kind === 'string' ? safe(item.value) : 'value'))
          .join('.')
        return string(placeholder(`FindInMap ${words}`, range))
      }
      case 'Select':
      case 'Split':
      case 'GetAZs':
      case 'Cidr':
      case 'Base64':
      case 'Transform':
      case 'ToJsonString':
      case 'Length':
        return string(placeholder(name, range))
      default:
        return string(placeholder(safe(name), range))
    }
  }
  return (node) => render(node)
}

export { intrinsicOf }
