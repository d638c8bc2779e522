/**
 * The playground's editor in Chromium: how long a keystroke takes to show its findings and how
 * long a pasted policy takes to be shown with its decision, for a documented example (the
 * baseline of the same run) and a policy of 60 KB; and how long the link of that policy is,
 * against lz-string's. Builds the site, serves it on loopback and writes the `docs-editor`
 * section of docs/benchmarks.md unless `--no-docs`.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { withSection } from '@connect-policy/bench'
import type { CatalogData } from '@connect-policy/core'
import lzString from 'lz-string'
import { hashOf, playgroundHash } from '../src/playground/state.ts'
import { serveStatic } from '../src/serve/static-server.ts'
import {
  hasBrowser,
  installHint,
  launchBrowser,
  openPlayground,
} from '../tests/support/chromium.ts'
import { largePolicy, measureEditor, percentile } from '../tests/support/editor-speed.ts'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const documentPath = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url))
const writeDocs = !process.argv.includes('--no-docs')

/** Keystrokes typed per round, rounds per policy: enough for a p95 of 120 samples. */
const keystrokes = 30
const rounds = 4

if (!hasBrowser) {
  console.log(`no Chromium: the editor benchmark is not run; ${installHint}`)
  process.exit(0)
}

for (const [command, ...args] of [
  ['node_modules/.bin/tsx', '--conditions=@connect-policy/source', 'scripts/generate.ts'],
  ['node_modules/.bin/vitepress', 'build', 'site'],
] as const) {
  const { status } = spawnSync(command, args, { cwd: appDir, stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}

const distDir = fileURLToPath(new URL('../site/.vitepress/dist', import.meta.url))
const catalog = JSON.parse(
  readFileSync(`${distDir}/playground/catalog.json`, 'utf8'),
) as CatalogData
const examples = JSON.parse(readFileSync(`${distDir}/playground/examples.json`, 'utf8')) as {
  id: string
  policy: string
}[]
// Not the example the playground opens with: a paste of the same text would change nothing.
const baselineExample = 'start-contact-recording'
const small = examples.find((example) => example.id === baselineExample)?.policy
if (small === undefined) throw new Error('the documented example is missing from the site data')
const large = largePolicy(catalog, 60_000)

const server = await serveStatic(distDir, 0, '127.0.0.1')
const browser = await launchBrowser()

interface Measured {
  readonly keystrokes: number[]
  readonly pastes: number[]
}

async function measure(policy: string): Promise<Measured> {
  const measured: Measured = { keystrokes: [], pastes: [] }
  for (let round = 0; round < rounds; round += 1) {
    const { page } = await openPlayground(browser.context, server.url)
    const times = await measureEditor(page, policy, keystrokes)
    measured.keystrokes.push(...times.keystrokes)
    measured.pastes.push(times.paste)
    await page.close()
  }
  return measured
}

// The two policies take turns, so that both meet the same machine.
const smallTimes: Measured = { keystrokes: [], pastes: [] }
const largeTimes: Measured = { keystrokes: [], pastes: [] }
for (let turn = 0; turn < 2; turn += 1) {
  for (const [policy, into] of [
    [small, smallTimes],
    [large, largeTimes],
  ] as const) {
    const times = await measure(policy)
    into.keystrokes.push(...times.keystrokes)
    into.pastes.push(...times.pastes)
  }
}
await browser.close()
await server.close()

const link = playgroundHash(large, { action: 'connect:DescribeUser', resources: ['*'] })
const firstState = {
  policy: large,
  policyType: 'identity',
  action: 'connect:DescribeUser',
  resources: ['*'],
  principal: '',
  context: [],
}
const lzLink = `#s=${lzString.compressToEncodedURIComponent(JSON.stringify(firstState))}`
const smallLink = hashOf({
  policies: [{ type: 'identity', level: 0, text: small }],
  selected: 0,
  action: 'connect:CreateUser',
  resources: ['*'],
  principal: '',
  context: [],
})

const ms = (value: number) => `${Math.round(value)} ms`
const row = (name: string, times: Measured) =>
  `| ${name} | ${times.keystrokes.length} | ${ms(percentile(times.keystrokes, 0.5))} | ${ms(percentile(times.keystrokes, 0.95))} | ${ms(percentile(times.pastes, 0.5))} |`
const keystrokeP95 = percentile(largeTimes.keystrokes, 0.95)
const pasteMedian = percentile(largeTimes.pastes, 0.5)
const verdict = (met: boolean) => (met ? '**met**' : '**not met**')

const section = `## Docs site: the playground's editor in Chromium

\`pnpm --filter @connect-policy/docs bench\` builds the site, serves it on loopback and drives
Debian's Chromium (headless, ${cpus().length} cores shared with the rest of the machine). In each
round it opens the playground, pastes the policy (select all, then a paste event, as a person
pastes) and waits until the page is settled: the editor shows the findings of the last edit and
the decision is drawn for the state as it is. Then it types ${keystrokes} characters into a
\`Sid\` value, 120 ms apart. A keystroke's time runs from the edit reaching the editor to the
findings of that edit, or of a later one, drawn (the editor's \`performance.measure\` entries;
validation runs in a web worker that answers the latest text only). ${rounds} rounds per policy,
in two turns taking the policies in alternation; the documented example
\`${baselineExample}\` (${small.length} characters) is the baseline of the same
run. The large policy is ${large.length.toLocaleString('en-US')} characters of statements of real
actions on Amazon Connect ARNs.

| policy | keystrokes | keystroke p50 | keystroke p95 | paste to settled, median |
| --- | ---: | ---: | ---: | ---: |
${row(`documented example (${small.length} characters)`, smallTimes)}
${row(`large (${large.length.toLocaleString('en-US')} characters)`, largeTimes)}

- Keystroke at 60 KB, p95: ${ms(keystrokeP95)}, ${(keystrokeP95 / Math.max(1, percentile(smallTimes.keystrokes, 0.95))).toFixed(1)}× the baseline's p95; target < 100 ms: ${verdict(keystrokeP95 < 100)}.
- Pasted 60 KB policy to settled, median: ${ms(pasteMedian)}; target < 1 s: ${verdict(pasteMedian < 1000)}.
- The link holding the large policy: ${link.length.toLocaleString('en-US')} characters of hash, against ${lzLink.length.toLocaleString('en-US')} for the first links' lz-string (${(lzLink.length / link.length).toFixed(1)}× shorter); the documented example's link: ${smallLink.length} characters.`

console.log(section)
if (writeDocs) {
  const document = readFileSync(documentPath, 'utf8')
  writeFileSync(documentPath, withSection(document, section, 'docs-editor'))
}
