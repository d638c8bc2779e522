import { posix } from 'node:path'

/**
 * The files a URL path of the built site may be served from, in the order to try them, as
 * VitePress's `cleanUrls` expects of a host: `/a/b` is `a/b.html` (or the folder's
 * `index.html`), `/a/` is `a/index.html`. Undefined for a path that leaves the site folder.
 */
export function candidateFiles(urlPath: string): string[] | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const normalized = posix.normalize(decoded)
  if (!normalized.startsWith('/') || normalized.split('/').includes('..')) return undefined
  const relative = normalized.slice(1)
  if (relative === '' || relative.endsWith('/')) return [`${relative}index.html`]
  if (posix.extname(relative) !== '') return [relative]
  return [`${relative}.html`, `${relative}/index.html`]
}
