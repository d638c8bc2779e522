import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { ProblemError } from '../problem/problem.ts'

const decoders: Readonly<Record<string, () => Readable & NodeJS.WritableStream>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
}

function tooLarge(limit: number): ProblemError {
  return new ProblemError(
    'payload-too-large',
    `the body is larger than the limit of ${limit} bytes`,
  )
}

/**
 * The request body, decompressed, refused with 413 as soon as it is over `limit` bytes: before
 * reading anything when `Content-Length` says so, else when the bytes (decompressed, so that a
 * gzip bomb stops at the limit too) pass it. What is left unread is discarded by Node once the
 * response ends.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length']
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit))
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase()
  const decoder = encoding === 'identity' ? undefined : decoders[encoding]?.()
  if (encoding !== 'identity' && decoder === undefined) {
    return Promise.reject(
      new ProblemError(
        'unsupported-media-type',
        `content encoding \`${encoding}\` is not supported; send gzip, deflate, br or none`,
      ),
    )
  }
  const stream: Readable = decoder === undefined ? req : req.pipe(decoder)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (error: Error | undefined) => {
      if (done) return
      done = true
      stream.off('data', onData)
      stream.off('end', onEnd)
      req.off('error', onRequestError)
      req.off('close', onClose)
      if (error === undefined) {
        resolve(
          chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, size),
        )
        return
      }
      if (decoder !== undefined) {
        req.unpipe(decoder)
        decoder.destroy()
      }
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) finish(tooLarge(limit))
      else chunks.push(chunk)
    }
    const onEnd = () => finish(undefined)
    const onRequestError = (error: Error) => finish(error)
    const onDecodeError = () =>
      finish(new ProblemError('malformed-json', `the body is not valid \`${encoding}\` data`))
    const onClose = () => {
      if (!req.complete) {
        finish(
          new ProblemError(
            'invalid-request',
            'the client closed the connection before the body ended',
          ),
        )
      }
    }
    stream.on('data', onData)
    stream.on('end', onEnd)
    req.on('error', onRequestError)
    decoder?.on('error', onDecodeError)
    req.on('close', onClose)
  })
}
