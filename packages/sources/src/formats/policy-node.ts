import {
  type Piece,
  piecesProjection,
  printProjection,
  type RenderValue,
  wholeString,
} from '../project/print-json.ts'
import { type Projection, ProjectionBuilder } from '../project/projection.ts'
import { percentDecoded, stringOffsets } from '../project/string-offsets.ts'
import type { SourceNode } from '../tree/source-node.ts'

/**
 * A policy written as an object (the template's YAML or JSON), or as JSON text in a string
 * (Terraform's `jsonencode`, a URL-encoded document of AWS's raw API), as a projection; undefined
 * for a value that can be neither.
 */
export function policyProjection(
  node: SourceNode,
  file: string,
  render?: RenderValue,
): Projection | undefined {
  if (node.kind === 'object') return printProjection(node, file, render)
  if (node.kind === 'string') {
    const value = node.value.trimStart()
    if (/^%7b/i.test(value)) {
      const offsets = stringOffsets(node, file)
      const decoded = offsets === undefined ? undefined : percentDecoded(node.value, offsets)
      if (decoded !== undefined) {
        const builder = new ProjectionBuilder()
        builder.copied(decoded.text, decoded.offsets)
        return builder.build(true)
      }
    }
    return piecesProjection([wholeString(node)], file)
  }
  const known = render?.(node)
  if (known?.kind === 'string') return piecesProjection(known.pieces, file)
  if (known?.kind === 'value') return policyProjection(known.node, file, render)
  return undefined
}

export type { Piece }
