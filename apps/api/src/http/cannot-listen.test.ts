import { describe, expect, it } from 'vitest'
import { CannotListenError, cannotListenMessage, isCannotListenMessage } from './cannot-listen.ts'

const api = { port: 3000, host: '127.0.0.1', portVariable: 'PORT', hostVariable: 'HOST' }

describe('cannotListenMessage', () => {
  it.each([
    ['EADDRINUSE', 'port 3000 is in use: set PORT to a free port'],
    [
      'EACCES',
      'port 3000 needs privileges this process does not have: set PORT to a port above 1023',
    ],
    ['EADDRNOTAVAIL', '`127.0.0.1` is not an address of this machine: set HOST'],
    ['ENOTFOUND', '`127.0.0.1` is not a host name this machine resolves: set HOST'],
    [
      'EMFILE',
      'could not listen on `127.0.0.1` port 3000: too many open files: check HOST and PORT',
    ],
  ])('says what %s means and which variable to change', (code, line) => {
    expect(cannotListenMessage(code, 'too many open files', api)).toBe(line)
  })

  it('names the variable of the listener that failed', () => {
    expect(
      cannotListenMessage('EADDRINUSE', '', { ...api, port: 9000, portVariable: 'HEALTH_PORT' }),
    ).toBe('port 9000 is in use: set HEALTH_PORT to a free port')
  })
})

describe('CannotListenError', () => {
  it("is the line for Node's error, which it keeps as its cause", () => {
    const cause = Object.assign(new Error('listen EADDRINUSE: address already in use'), {
      code: 'EADDRINUSE',
    })
    const error = new CannotListenError(cause, api)
    expect(error.message).toBe('port 3000 is in use: set PORT to a free port')
    expect(error.cause).toBe(cause)
    expect(new CannotListenError('no code', api).message).toContain(': no code: check HOST')
  })

  it('is told to the cluster primary as a message it recognises', () => {
    expect(isCannotListenMessage({ cannotListen: 'port 3000 is in use' })).toBe(true)
    expect(isCannotListenMessage({ cmd: 'NODE_CLUSTER' })).toBe(false)
    expect(isCannotListenMessage(null)).toBe(false)
  })
})
