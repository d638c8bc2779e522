import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { compareStateFromHash } from '../playground/compare.ts'
import { stateFromHash } from '../playground/state.ts'
import { candidateFiles } from '../serve/resolve-path.ts'

/** A link of the built site that leads nowhere. */
export interface BrokenLink {
  /** The page it is on, relative to the site folder. */
  readonly page: string
  readonly link: string
  readonly problem: 'missing file' | 'missing anchor' | 'unreadable state'
}

const linkAttribute = /\s(?:href|src)="([^"]*)"/g
const idAttribute = /\s(?:id|name)="([^"]*)"/g
const external = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) =>
      String.fromCodePoint(Number.parseInt(code, 16)),
    )
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

/** Every file under a folder, at any depth. */
export function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** The URL path a page of the site is served at, clean URLs included (`a/b.html` is `/a/b`). */
export function pageUrl(relativePath: string): string {
  const path = `/${relativePath.split(sep).join('/')}`
  if (path.endsWith('/index.html')) return path.slice(0, -'index.html'.length)
  return path.replace(/\.html$/, '')
}

/** Every `href` and `src` of an HTML text, entities decoded, in order. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(linkAttribute)].map((match) => decodeEntities(match[1] ?? ''))
}

/** Every `id` (and anchor `name`) of an HTML text. */
export function anchorsOf(html: string): Set<string> {
  return new Set([...html.matchAll(idAttribute)].map((match) => decodeEntities(match[1] ?? '')))
}

/** The pages whose hash holds a state rather than an anchor, with the reader of that state. */
const stateReaders: Readonly<Record<string, (hash: string) => unknown>> = {
  '/playground': stateFromHash,
  '/compare': compareStateFromHash,
}

/**
 * Checks every link between pages and files of a built site: each internal `href` and `src`
 * must name a file of the site (as the static server resolves clean URLs) and each `#anchor`
 * an id of the page it leads to, or, for the playground and the compare page, a state they read. Links to other origins are not followed: the site must work
 * offline, and a test of the browser checks it loads nothing from elsewhere.
 */
export function checkLinks(root: string): BrokenLink[] {
  const files = new Set(filesUnder(root))
  const pages = [...files].filter((file) => file.endsWith('.html'))
  const anchors = new Map<string, Set<string>>()
  const anchorsIn = (file: string) => {
    let found = anchors.get(file)
    if (found === undefined) {
      found = anchorsOf(readFileSync(file, 'utf8'))
      anchors.set(file, found)
    }
    return found
  }
  const broken: BrokenLink[] = []
  for (const page of pages) {
    const pagePath = relative(root, page)
    const base = new URL(pageUrl(pagePath), 'http://site.invalid')
    for (const link of linksOf(readFileSync(page, 'utf8'))) {
      if (link === '' || external.test(link)) continue
      const target = new URL(link, base)
      const file = candidateFiles(target.pathname)
        ?.map((candidate) => join(root, candidate))
        .find((candidate) => files.has(candidate))
      if (file === undefined) {
        broken.push({ page: pagePath, link, problem: 'missing file' })
        continue
      }
      const stateReader = stateReaders[target.pathname]
      if (stateReader !== undefined && target.hash.includes('=')) {
        // A playground's hash is its state, not an anchor: it must open.
        if (stateReader(target.hash) === undefined) {
          broken.push({ page: pagePath, link, problem: 'unreadable state' })
        }
        continue
      }
      const anchor = decodeURIComponent(target.hash.slice(1))
      if (anchor !== '' && file.endsWith('.html') && !anchorsIn(file).has(anchor)) {
        broken.push({ page: pagePath, link, problem: 'missing anchor' })
      }
    }
  }
  return broken
}
