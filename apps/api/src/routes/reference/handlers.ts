import type { Handler } from '../../http/handle.ts'
import type { OpenApiDocument } from '../../openapi/document.ts'
import {
  referencePolicy,
  renderProblemPage,
  renderReferencePage,
} from '../../openapi/reference-page.ts'
import { ProblemError } from '../../problem/problem.ts'
import { isProblemType, problemTypeUri } from '../../problem/problem-types.ts'
import type { openApiOperation, problemTypeOperation, referenceOperation } from './schemas.ts'

export function getOpenApiDocument(document: OpenApiDocument): Handler<typeof openApiOperation> {
  return () => document as unknown as Record<string, unknown>
}

export function getReference(document: OpenApiDocument): Handler<typeof referenceOperation> {
  const page = renderReferencePage(document)
  return (_input, { res }) => {
    res.setHeader('Content-Security-Policy', referencePolicy)
    return page
  }
}

export function getProblemType(document: OpenApiDocument): Handler<typeof problemTypeOperation> {
  const pages = new Map(
    document['x-problem-types'].map((problem) => [problem.type, renderProblemPage(problem)]),
  )
  return ({ params }, { res }) => {
    const page = isProblemType(params.type) ? pages.get(problemTypeUri(params.type)) : undefined
    if (page === undefined) {
      throw new ProblemError('not-found', `no problem type is called \`${params.type}\``)
    }
    res.setHeader('Content-Security-Policy', referencePolicy)
    return page
  }
}
