import type { Server } from 'node:http'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RawResponse {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly text: string
  readonly body: unknown
}

export interface RawRequest {
  readonly method?: string
  readonly path: string
  readonly headers?: Record<string, string | number>
  readonly body?: string | Buffer
  /** Send the body and keep the request open, as a client that stalls does. */
  readonly keepOpen?: boolean
}

/**
 * A request exactly as given, with no header added: for what HTTP clients will not send, such
 * as a body without a content type or bytes that are not UTF-8.
 */
export function rawRequest(server: Server, given: RawRequest): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: given.method ?? 'POST',
        path: given.path,
        headers: given.headers,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: unknown = text
          try {
            body = JSON.parse(text)
          } catch {}
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body })
        })
      },
    )
    outgoing.on('error', reject)
    if (given.keepOpen === true) outgoing.write(given.body ?? '')
    else outgoing.end(given.body)
  })
}
