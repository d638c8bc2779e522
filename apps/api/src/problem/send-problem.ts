import type { Response } from 'express'
import type { Problem } from './problem.ts'

export const problemMediaType = 'application/problem+json'

/** Writes a problem response, unless a response has already begun. */
export function sendProblem(
  res: Response,
  problem: Problem,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) return
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res
    .status(problem.status)
    .type(`${problemMediaType}; charset=utf-8`)
    .send(JSON.stringify(problem))
}
