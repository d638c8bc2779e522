import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type DefaultTheme, defineConfigWithTheme } from 'vitepress'
import { readEnv } from '../../src/env.ts'
import { readSiteData, siteDataPath } from '../../src/site-data.ts'

/**
 * The default theme's settings and ours: where the REST API the guide links to runs
 * (`DOCS_API_BASE_URL`, or the API's own `PORT` and `HOST`, read when the site is built).
 */
export interface ThemeConfig extends DefaultTheme.Config {
  readonly apiBaseUrl: string
  readonly apiReferencePath: string
}

const site = readSiteData(
  readFileSync(fileURLToPath(new URL(`../${siteDataPath}`, import.meta.url)), 'utf8'),
)
const env = readEnv()

const guides: DefaultTheme.NavItemWithLink[] = [
  { text: 'How AWS decides', link: '/guide/evaluation' },
  { text: 'Using the packages', link: '/guide/packages' },
  { text: 'REST API', link: '/guide/api' },
  { text: 'Command line', link: '/guide/cli' },
]

export default defineConfigWithTheme<ThemeConfig>({
  title: 'connect-policy',
  description:
    'AWS IAM policies for Amazon Connect: the documented examples checked, a validator and an evaluator that explains its decisions',
  lang: 'en-US',
  base: '/',
  // Pages are served as /examples/foo (no .html); the static server and the link checker of
  // the tests resolve such links to foo.html, as every static host VitePress supports does.
  cleanUrls: true,
  lastUpdated: false,
  srcExclude: ['**/README.md'],
  head: [
    ['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    ['meta', { name: 'theme-color', content: '#3c6ee0' }],
  ],
  markdown: { lineNumbers: false },
  vite: {
    // The workspace packages are read as TypeScript source: the `@connect-policy/source`
    // condition of their exports, added to Vite's defaults, for the browser and server-side
    // rendering alike.
    resolve: { conditions: ['@connect-policy/source'] },
    // The packages are TypeScript source inside the workspace, and lz-string is CommonJS without
    // named exports for Node: bundle them for server-side rendering as for the browser.
    ssr: { noExternal: ['@connect-policy/core', '@connect-policy/sources', 'lz-string'] },
    build: { chunkSizeWarningLimit: 1500 },
  },
  themeConfig: {
    apiBaseUrl: env.apiBaseUrl,
    apiReferencePath: env.apiReferencePath,
    nav: [
      { text: 'Examples', link: '/examples/', activeMatch: '^/examples/' },
      { text: 'Services', link: '/services/', activeMatch: '^/services/' },
      { text: 'Findings', link: '/findings' },
      { text: 'Audit', link: '/audit/', activeMatch: '^/audit/' },
      { text: 'Guides', items: guides, activeMatch: '^/guide/' },
      {
        text: 'Playground',
        items: [
          { text: 'Evaluate a request', link: '/playground' },
          { text: 'Compare two policies', link: '/compare' },
          { text: 'Check a template, plan or export', link: '/sources' },
        ],
        activeMatch: '^/(playground|compare|sources)',
      },
    ],
    sidebar: {
      '/examples/': [{ text: 'Examples', link: '/examples/', items: [...site.examples] }],
      '/services/': [
        {
          text: `Services (reference of ${site.catalogDate})`,
          link: '/services/',
          items: [...site.services],
        },
      ],
      '/audit/': [{ text: 'The Amazon Connect audit', link: '/audit/', items: [...site.checks] }],
      '/guide/': [{ text: 'Guides', items: guides }],
    },
    outline: { level: [2, 3] },
    search: { provider: 'local' },
    footer: {
      message: `Built from @connect-policy/core, samples and catalog (service reference of ${site.catalogDate}). MIT licensed.`,
    },
    docFooter: { prev: false, next: false },
  },
})
