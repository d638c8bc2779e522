import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../testing/test-app.ts'
import { answerClientErrors } from './client-errors.ts'

let server: Server

beforeAll(async () => {
  server = createServer(testApp())
  answerClientErrors(server)
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/** Sends bytes as they are and reads the answer until the server closes the connection. */
function exchange(bytes: string): Promise<string> {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('not listening')
  return new Promise((resolve, reject) => {
    let answer = ''
    const socket = connect(address.port, '127.0.0.1', () => socket.write(bytes))
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8')
    })
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('what the HTTP parser refuses', () => {
  it.each([
    ['a request line that is not HTTP', 'NOT HTTP AT ALL\r\n\r\n', 400, 'malformed-http'],
    ['a header without a colon', 'GET /healthz HTTP/1.1\r\nHost x\r\n\r\n', 400, 'malformed-http'],
    [
      '20 KiB of headers',
      `GET /healthz HTTP/1.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'headers-too-large',
    ],
  ])('%s is a %i problem, and the connection closes', async (_, bytes, status, type) => {
    const answer = await exchange(bytes)
    const [head = '', body = ''] = answer.split('\r\n\r\n')
    expect(head.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1.1 ${status} `))
    expect(head).toContain('Content-Type: application/problem+json; charset=utf-8')
    expect(head).toContain('Connection: close')
    expect(JSON.parse(body)).toMatchObject({ type: `/problems/${type}`, status })
  })
})
