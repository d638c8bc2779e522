import { describe, expect, it } from 'vitest'
import { candidateFiles } from './resolve-path.ts'

describe('candidateFiles', () => {
  it('resolves clean URLs as VitePress expects of a host', () => {
    expect(candidateFiles('/')).toEqual(['index.html'])
    expect(candidateFiles('/examples/')).toEqual(['examples/index.html'])
    expect(candidateFiles('/examples/foo')).toEqual([
      'examples/foo.html',
      'examples/foo/index.html',
    ])
    expect(candidateFiles('/assets/app.js')).toEqual(['assets/app.js'])
    expect(candidateFiles('/a%20b.html')).toEqual(['a b.html'])
  })

  it('keeps every path inside the site folder and refuses what cannot be decoded', () => {
    expect(candidateFiles('/../secret')).toEqual(['secret.html', 'secret/index.html'])
    expect(candidateFiles('/a/%2e%2e/%2e%2e/etc/passwd')).toEqual([
      'etc/passwd.html',
      'etc/passwd/index.html',
    ])
    expect(candidateFiles('/%E0%A4%A')).toBeUndefined()
    expect(candidateFiles('/a%00b')).toBeUndefined()
  })
})
