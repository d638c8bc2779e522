import { member, type SourceNode, text } from '../tree/source-node.ts'
import { readSuppression } from './suppressions.ts'

/** Finding codes a comment in a Terraform configuration turns off for one resource. */
export interface ResourceSuppression {
  /** The resource's address as plans write it: `aws_iam_policy.agent`, `module.connect.aws_iam_role.agent`. */
  readonly address: string
  readonly codes: readonly string[]
  readonly reason?: string
  /** Where the comment is: the `.tf` file and its line. */
  readonly file: string
  readonly line: number
}

/** A module of the configuration: its address and the folder its `source` names, as written. */
export interface TerraformModule {
  readonly address: string
  readonly source: string
}

/** The modules a plan's or state's `configuration` calls, to any depth, with their sources. */
export function terraformModules(root: SourceNode): TerraformModule[] {
  const found: TerraformModule[] = []
  const visit = (module: SourceNode | undefined, prefix: string, depth: number) => {
    const calls = member(module, 'module_calls')
    if (calls?.kind !== 'object' || depth > 32) return
    for (const call of calls.members) {
      const address = `${prefix}module.${call.key}`
      const source = text(member(call.value, 'source'))
      if (source !== undefined) found.push({ address, source })
      visit(member(call.value, 'module'), `${address}.`, depth + 1)
    }
  }
  visit(member(member(root, 'configuration'), 'root_module'), '', 0)
  return found
}

/** The comment of a line of HCL (`#` or `//` outside a string), or undefined. */
function commentOf(line: string): string | undefined {
  let quoted = false
  for (let at = 0; at < line.length; at++) {
    const character = line[at]
    if (quoted) {
      if (character === '\\') at++
      else if (character === '"') quoted = false
    } else if (character === '"') {
      quoted = true
    } else if (character === '#') {
      return line.slice(at + 1).trim()
    } else if (character === '/' && line[at + 1] === '/') {
      return line.slice(at + 2).trim()
    }
  }
  return undefined
}

/** How many more braces a line opens than it closes, outside strings. */
function braceBalance(line: string): number {
  let balance = 0
  let quoted = false
  for (let at = 0; at < line.length; at++) {
    const character = line[at]
    if (quoted) {
      if (character === '\\') at++
      else if (character === '"') quoted = false
    } else if (character === '"') quoted = true
    else if (character === '#' || (character === '/' && line[at + 1] === '/')) break
    else if (character === '{') balance++
    else if (character === '}') balance--
  }
  return balance
}

/**
 * The suppressions written in a Terraform configuration's `.tf` files: a comment
 * `# connect-policy-ignore: <codes>` (or `//`) in the lines right above a `resource` or `data`
 * block, or anywhere inside it, covers the findings of every policy of that resource. `prefix`
 * is the module's address (`module.connect.`) for files of a module, empty for the root's.
 */
export function terraformSuppressions(
  files: readonly { readonly name: string; readonly text: string }[],
  prefix = '',
): ResourceSuppression[] {
  const found: ResourceSuppression[] = []
  if (!Array.isArray(files)) return found
  const modulePrefix = typeof prefix === 'string' ? prefix : ''
  for (const file of files as readonly unknown[]) {
    if (typeof file !== 'object' || file === null) continue
    const { name, text: source } = file as { name?: unknown; text?: unknown }
    if (typeof source !== 'string') continue
    const fileName = typeof name === 'string' ? name : '<configuration>'
    const lines = source.split(/\r\n|\r|\n/)
    let pending: { codes: readonly string[]; reason?: string; line: number }[] = []
    let block: { address: string; depth: number } | undefined
    lines.forEach((line, index) => {
      const comment = commentOf(line)
      const suppression = comment === undefined ? undefined : readSuppression(comment)
      const code = line.trim()
      if (block !== undefined) {
        if (suppression !== undefined) {
          found.push({ address: block.address, ...suppression, file: fileName, line: index + 1 })
        }
        block.depth += braceBalance(line)
        if (block.depth <= 0) block = undefined
        return
      }
      const opening = /^(resource|data)\s+"([^"]+)"\s+"([^"]+)"/.exec(code)
      if (opening !== null) {
        const [, kind, type, name] = opening
        const address = `${modulePrefix}${kind === 'data' ? 'data.' : ''}${type}.${name}`
        for (const entry of pending)
          found.push({
            address,
            codes: entry.codes,
            ...(entry.reason ? { reason: entry.reason } : {}),
            file: fileName,
            line: entry.line,
          })
        pending = []
        const depth = braceBalance(line)
        if (depth > 0) block = { address, depth }
        return
      }
      if (suppression !== undefined && (code.startsWith('#') || code.startsWith('//'))) {
        pending.push({ ...suppression, line: index + 1 })
      } else if (code !== '' && !code.startsWith('#') && !code.startsWith('//')) {
        pending = []
      }
    })
  }
  return found
}

/** Whether a resource suppression covers a finding of `code` in the policy at `policyPath`. */
export function suppressesResource(
  suppression: ResourceSuppression,
  code: string,
  policyPath: string,
): boolean {
  const address = suppression.address
  const applies = policyPath.startsWith(`${address}.`) || policyPath.startsWith(`${address}[`)
  return applies && (suppression.codes.includes(code) || suppression.codes.includes('all'))
}
