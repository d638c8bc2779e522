import type { Request, RequestHandler } from 'express'
import type { Limits } from '../env.ts'
import { ProblemError } from '../problem/problem.ts'
import { lineAndColumn, scanJsonText, shapeProblem } from './json-limits.ts'
import { readBody } from './read-body.ts'

/** `application/json` and the `+json` types (`application/merge-patch+json`), any parameters. */
const jsonMediaType = /^application\/(?:[a-z0-9!#$&^_.-]+\+)?json$/
const charsetParameter = /;\s*charset\s*=\s*"?([^";\s]*)"?/i
const parsePosition = /position (\d+)/

function hasBody(headers: Request['headers']): boolean {
  const length = headers['content-length']
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/** Refuses, before reading a byte of it, a body that is missing or not JSON in UTF-8. */
function requireJson(): RequestHandler {
  return (req, _res, next) => {
    if (!hasBody(req.headers)) {
      throw new ProblemError('invalid-request', 'the request has no body; send a JSON object', {
        errors: [{ in: 'body', pointer: '', detail: 'is required' }],
      })
    }
    const type = req.headers['content-type']
    if (type === undefined) {
      throw new ProblemError(
        'unsupported-media-type',
        'the body has no content type; send `application/json`',
      )
    }
    const mediaType = type.split(';', 1)[0]?.trim().toLowerCase() ?? ''
    if (!jsonMediaType.test(mediaType)) {
      throw new ProblemError(
        'unsupported-media-type',
        `content type \`${type}\` is not supported; send \`application/json\``,
      )
    }
    const charset = charsetParameter.exec(type)?.[1]?.toLowerCase()
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw new ProblemError(
        'unsupported-media-type',
        `charset \`${charset}\` is not supported; JSON is sent in UTF-8`,
      )
    }
    next()
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decode(body: Buffer): string {
  try {
    return utf8.decode(body)
  } catch {
    throw new ProblemError('malformed-json', 'the body is not valid UTF-8')
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const position = parsePosition.exec(error instanceof Error ? error.message : '')?.[1]
    if (position === undefined) {
      throw new ProblemError(
        'malformed-json',
        text.trim() === '' ? 'the body is empty' : 'the body is not valid JSON',
      )
    }
    const { line, column } = lineAndColumn(text, Number(position))
    throw new ProblemError(
      'malformed-json',
      `the body is not valid JSON: unexpected text at line ${line}, column ${column}`,
    )
  }
}

/** Reads the body, checks its nesting on the raw text, parses it and checks its shape. */
function parseJson(limits: Limits): RequestHandler {
  return async (req, _res, next) => {
    const text = decode(await readBody(req, limits.bodyBytes))
    const scan = scanJsonText(text, limits.jsonDepth, limits.jsonItems)
    if (scan.tooDeepAt !== undefined) {
      const { line, column } = lineAndColumn(text, scan.tooDeepAt)
      throw new ProblemError(
        'json-too-deep',
        `the body nests objects and arrays deeper than ${limits.jsonDepth} levels (line ${line}, column ${column})`,
      )
    }
    const value = parse(text)
    const problem = scan.shapeSuspect ? shapeProblem(value, limits.jsonItems) : undefined
    if (problem !== undefined) {
      throw new ProblemError('invalid-request', `\`${problem.pointer || '/'}\` ${problem.detail}`, {
        errors: [problem],
      })
    }
    req.body = value
    next()
  }
}

/**
 * The body of a JSON endpoint: content type checked first (415), then read up to the body limit
 * (413, decompressed size), then parsed under the depth and shape limits (400).
 */
export function jsonBody(limits: Limits): RequestHandler[] {
  return [requireJson(), parseJson(limits)]
}
