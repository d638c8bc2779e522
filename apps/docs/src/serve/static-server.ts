import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join } from 'node:path'
import { browsableHost } from '../env.ts'
import { candidateFiles } from './resolve-path.ts'

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** A running static server and how to stop it. */
export interface RunningServer {
  readonly url: string
  readonly server: Server
  close(): Promise<void>
}

/** What `serveStatic` may be told beyond where to listen. */
export interface ServeOptions {
  /**
   * Settles once the folder holds the built site: requests that arrive before wait for it, so
   * that the server can listen (and a busy port be said) before a build of a minute.
   */
  readonly until?: Promise<unknown>
}

/**
 * Serves a built VitePress site, clean URLs included, with nothing else: no directory listings,
 * no paths outside the folder, GET and HEAD only. Port 0 picks a free port. The URL it resolves
 * with is one a browser can open: a wildcard address is written as the loopback address.
 */
export function serveStatic(
  root: string,
  port: number,
  host: string,
  options: ServeOptions = {},
): Promise<RunningServer> {
  let built = options.until === undefined
  void options.until?.then(
    () => {
      built = true
    },
    () => {},
  )
  const server = createServer((request, response) => {
    if (!built && options.until !== undefined) {
      // a failed build ends the start script; a request that waited is then closed with it
      void options.until.then(
        () => answer(request, response),
        () => {},
      )
      return
    }
    answer(request, response)
  })
  const answer = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const file = candidateFiles(path)
      ?.map((candidate) => join(root, candidate))
      .find(isFile)
    if (file === undefined) {
      const notFound = join(root, '404.html')
      response.writeHead(404, { 'content-type': types['.html'] ?? 'text/html' })
      if (request.method === 'HEAD' || !isFile(notFound)) response.end()
      else createReadStream(notFound).pipe(response)
      return
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    })
    if (request.method === 'HEAD') response.end()
    else createReadStream(file).pipe(response)
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo
      resolve({
        url: `http://${browsableHost(host)}:${address.port}`,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
