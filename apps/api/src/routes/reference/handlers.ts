import type { Handler } from '../../http/handle.ts'
import type { OpenApiDocument } from '../../openapi/document.ts'
import {
  referencePolicy,
  renderProblemPage,
  renderReferencePage,
} from '../../openapi/reference-page.ts'
import { ProblemError } from '../../problem/problem.ts'
import { isProblemType, problemTypeUri } from '../../problem/problem-types.ts'
import { requestBaseUrl } from './base-url.ts'
import type { openApiOperation, problemTypeOperation, referenceOperation } from './schemas.ts'

/** How many renderings of the reference, one per base URL clients reach the API at, are kept. */
const keptPages = 8

export function getOpenApiDocument(document: OpenApiDocument): Handler<typeof openApiOperation> {
  return () => document as unknown as Record<string, unknown>
}

/**
 * The reference page, its `curl` lines calling the base URL the request came to. A server is
 * reached at one or a few such URLs: their pages are kept, the oldest dropped past `keptPages`,
 * so that `Host` headers made up by clients cannot grow the memory held.
 */
export function getReference(document: OpenApiDocument): Handler<typeof referenceOperation> {
  const pages = new Map<string, string>()
  return (_input, { req, res }) => {
    const baseUrl = requestBaseUrl(req)
    let page = pages.get(baseUrl)
    if (page === undefined) {
      page = renderReferencePage(document, baseUrl)
      if (pages.size >= keptPages) pages.delete(pages.keys().next().value ?? '')
      pages.set(baseUrl, page)
    }
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
