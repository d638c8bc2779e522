import { awsCatalog, connectFamily } from '@connect-policy/catalog'
import { validatePolicy } from '@connect-policy/core'
import { documentVersions, fillPlaceholders, type Sample, samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import { playgroundHash } from '../playground/state.ts'
import { examplePage } from './example-page.ts'
import { printingsToShow } from './printed.ts'

const catalog = awsCatalog()
const options = { catalog, servicePages: connectFamily }

function sample(id: string): Sample {
  const found = samples.find((s) => s.id === id)
  if (found === undefined) throw new Error(`no sample ${id}`)
  return found
}

/** The text of HTML, tags dropped and entities decoded. */
function text(html: string): string {
  return html
    .replace(/<sup class="erratum-ref">.*?<\/sup>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

describe('examplePage', () => {
  const id = 'create-user-deny-security-profile'
  const page = examplePage(sample(id), options)

  it('is the same every time', () => {
    expect(examplePage(sample(id), options)).toBe(page)
  })

  it('has the sections the issue asks for, in order', () => {
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual([
      'What it is for',
      'As printed',
      'Errata',
      'Findings',
      'Corrected policy',
      'Decision table',
      'In plain language',
      'Effective access',
      'Audit',
    ])
    expect(page).toMatch(/^---\ntitle: "Allow creating users, but not with one security profile"\n/)
  })

  it('prints each printing byte for byte, with every erratum marked and linked', () => {
    const printed = [...page.matchAll(/<pre class="printed-text"><code>(.*?)<\/code><\/pre>/g)].map(
      (match) => text(match[1] ?? ''),
    )
    expect(printed).toEqual(documentVersions.map((version) => sample(id).printed[version]?.text))
    for (const erratum of sample(id).errata) {
      expect(page).toContain(`<li id="erratum-${erratum.id}"`)
      expect(page).toContain(`<a href="#erratum-${erratum.id}">`)
    }
    // An HTML block ends at a blank line: a page that has one inside a block would break.
    const blocks = page.split('<div v-pre').slice(1)
    expect(blocks.length).toBeGreaterThan(5)
    for (const block of blocks) expect(block.split('\n</div>')[0]).not.toContain('\n\n')
  })

  it('lists what the validator finds on each printed text, linked to the reference', () => {
    for (const version of documentVersions) {
      for (const finding of validatePolicy(sample(id).printed[version]?.text ?? '', { catalog })) {
        expect(page).toContain(`<td>${finding.range.start.line}:${finding.range.start.column}</td>`)
        expect(page).toContain(`<a href="/findings#${finding.code}">`)
      }
    }
  })

  it('shows the decision of every request with expected and computed outcomes', () => {
    const rows = [
      ...page.matchAll(/<tr class="decision-row[^"]*" data-expectation="(\d+)">(.*?)<\/tr>/g),
    ]
    expect(rows).toHaveLength(sample(id).expectations.length)
    const corrected = rows.map((row) =>
      /data-column="corrected" data-expected="(\w+)" data-computed="(\w+)"/
        .exec(row[2] ?? '')
        ?.slice(1),
    )
    expect(corrected).toEqual(sample(id).expectations.map((e) => [e.documented, e.documented]))
    expect(page).toContain('by statement #1<')
    expect(page).toContain('7 of 7 requests get the documented decision.')
  })

  it('says in plain language what the corrected policy does', () => {
    expect(page).toContain(
      'Statement #1 denies 1 Amazon Connect action (Write: CreateUser) on Amazon Connect security-profile resources',
    )
    // what it grants in effect, counted from the same summary the next section lists
    const headline =
      /<p class="effective-headline">In effect, after its Denies and against the service reference, it allows (\d+) actions? of 1 service\. Each is listed under <a href="#effective-access">Effective access<\/a>/.exec(
        page,
      )
    const effective = page.slice(page.indexOf('## Effective access'))
    const listed = new Set(
      [...effective.matchAll(/<code>(connect:\w+)<\/code>/g)].map((match) => match[1]),
    )
    expect(Number(headline?.[1])).toBeGreaterThan(0)
    expect(listed.has('connect:CreateUser')).toBe(true)
  })

  it('renders prose samples without policy sections', () => {
    const prose = examplePage(sample('page-introduction'), options)
    expect(prose).not.toContain('## Findings')
    expect(prose).not.toContain('## Decision table')
    expect(prose).toContain('### Original printing')
    expect(prose).toContain('### Revised printing')
    expect(prose).toContain('The heading differs, the prose is the same.')
  })

  it('shows a sample printed identically once', () => {
    const same = samples.find(
      (s) =>
        s.comparison !== undefined &&
        s.comparison.unchanged.length === Object.keys(s.printed.original ?? {}).length,
    )
    if (same === undefined) return
    const html = examplePage(same, options)
    expect(html).toContain('Both printings of the page print it identically.')
    expect(html).not.toContain('### Original printing')
  })

  it('opens each of its policies in the playground, with the first request of its table', () => {
    const createUser = sample(id)
    const first = createUser.expectations[0]?.request
    if (first === undefined) throw new Error('no request')
    const request = {
      action: first.action,
      resources: typeof first.resource === 'string' ? [first.resource] : first.resource,
    }
    const link = (policy: string) => `/playground${playgroundHash(policy, request)}`
    const opened = [
      ...page.matchAll(/<p class="playground-open"><a class="playground-link" href="([^"]+)">/g),
    ].map((match) => match[1])
    expect(opened).toEqual([
      ...documentVersions.map((version) =>
        link(fillPlaceholders(createUser.printed[version]?.text ?? '', createUser.placeholders)),
      ),
      link(createUser.corrected ?? ''),
    ])
    expect(page).toContain('Open this printing (placeholders filled in) in the playground')
  })

  it('links every policy of every example, and each request of its table, to the playground', () => {
    for (const each of samples) {
      const html = examplePage(each, options)
      // a printing shown once for both (`both`) is linked once
      const printings = printingsToShow(each).filter(
        (shown) => each.printed[shown === 'both' ? 'original' : shown]?.text !== undefined,
      )
      const policies =
        printings.length +
        (each.corrected === undefined ? 0 : 1) +
        (each.literal === undefined ? 0 : 1)
      expect(html.match(/<p class="playground-open">/g)?.length ?? 0, each.id).toBe(policies)
      expect(html.match(/<p class="playground-request">/g)?.length ?? 0, each.id).toBe(
        each.corrected === undefined ? 0 : each.expectations.length,
      )
    }
    const literal = examplePage(sample('more-contact-actions'), options)
    expect(literal).toContain('Open the literal reading in the playground')
  })
})
