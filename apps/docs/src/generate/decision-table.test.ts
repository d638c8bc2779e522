import { awsCatalog, connectFamily } from '@connect-policy/catalog'
import type { EvaluationFinding } from '@connect-policy/core'
import { type Sample, samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import { playgroundHash } from '../playground/state.ts'
import { arnHtml, decisionRows, decisionTable, findingMarker } from './decision-table.ts'
import { examplePage } from './example-page.ts'
import { shortenArns } from './shorten-arns.ts'

const catalog = awsCatalog()

function sample(id: string): Sample {
  const found = samples.find((s) => s.id === id)
  if (found === undefined) throw new Error(`no sample ${id}`)
  return found
}

const unknownAction: EvaluationFinding = {
  code: 'unknown-action',
  severity: 'warning',
  message: '`DescribeUsr` is not an action of Amazon Connect: did you mean `connect:DescribeUser`',
  suggestion: 'connect:DescribeUser',
}
const missingResource: EvaluationFinding = {
  code: 'missing-required-resource',
  severity: 'suggestion',
  message: '`connect:CreateUser` is authorized against `routing-profile` as well',
}

describe('findingMarker', () => {
  it('is nothing for no finding', () => {
    expect(findingMarker([])).toBe('')
  })

  it('names the code of one finding and gives its message on hover', () => {
    expect(findingMarker([unknownAction])).toBe(
      '<span class="finding-marker severity severity-warning" title="unknown-action: `DescribeUsr` is not an action of Amazon Connect: did you mean `connect:DescribeUser`" data-codes="unknown-action">⚠ unknown-action</span>',
    )
  })

  it('counts several findings, gives each message on a line of its own, coloured by the worst', () => {
    const marker = findingMarker([missingResource, unknownAction])
    expect(marker).toContain('class="finding-marker severity severity-warning"')
    expect(marker).toContain('data-codes="missing-required-resource unknown-action"')
    expect(marker).toContain('as well&#10;unknown-action: ')
    expect(marker).toContain('>⚠ 2 findings</span>')
    expect(findingMarker([missingResource])).toContain('severity-suggestion')
  })
})

describe('decisionRows with the service reference', () => {
  it('agrees with every expectation of every sample', () => {
    const disagreements = samples.flatMap((s) =>
      decisionRows(s, { catalog })
        .filter((row) => !row.agrees)
        .map((row) => `${s.id}: ${row.description}`),
    )
    expect(disagreements).toEqual([])
  })

  it('carries what each evaluation reports beside its decision', () => {
    // The original printing of the Wisdom example writes the action with a trailing space.
    for (const row of decisionRows(sample('wisdom-query-assistant'), { catalog })) {
      const codes = Object.fromEntries(
        row.cells.map((cell) => [cell.column, cell.findings.map((finding) => finding.code)]),
      )
      expect(codes).toEqual({ corrected: [], original: ['action-has-whitespace'] })
    }
  })
})

describe('decisionTable', () => {
  const wisdom = sample('wisdom-query-assistant')
  const table = decisionTable(wisdom, decisionRows(wisdom, { catalog }))

  it('marks each cell with findings, and lists them under the row’s Why', () => {
    const original = [...table.matchAll(/<div data-column="original"[^>]*>(.*?)<\/div>/g)]
    expect(original).toHaveLength(wisdom.expectations.length)
    for (const [, cell] of original) {
      expect(cell).toContain('data-codes="action-has-whitespace"')
      expect(cell).toContain('has spaces around it')
    }
    const corrected = [...table.matchAll(/<div data-column="corrected"[^>]*>(.*?)<\/div>/g)]
    expect(corrected).toHaveLength(wisdom.expectations.length)
    for (const [, cell] of corrected) expect(cell).not.toContain('finding-marker')
    expect(table).toContain(
      '<ul class="evaluation-findings"><li><span class="severity severity-warning">warning</span> <a href="/findings#action-has-whitespace"><code>action-has-whitespace</code></a> ',
    )
  })

  it('is what the example page shows, with a word on the marks where there are any', () => {
    const page = examplePage(wisdom, { catalog, servicePages: connectFamily })
    expect(page).toContain(table)
    expect(page).toContain('marks what the evaluation reports beside a decision')
    const quiet = examplePage(sample('create-user-deny-security-profile'), {
      catalog,
      servicePages: connectFamily,
    })
    expect(quiet).not.toContain('finding-marker')
  })
})

describe('arnHtml', () => {
  const instance = 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-0000/'

  it('elides the shared start, emphasises the rest, and keeps the whole ARN in the title', () => {
    const arns = [`${instance}agent/a`, `${instance}queue/b`]
    expect(arnHtml(arns[0] ?? '', shortenArns(arns))).toBe(
      `<code class="arn" title="${instance}agent/a"><span class="arn-elided">${instance}</span><span class="arn-own">agent/a</span></code>`,
    )
  })

  it('shows an ARN the table does not shorten whole, still with its title', () => {
    expect(arnHtml('*', shortenArns(['*']))).toBe('<code class="arn" title="*">*</code>')
    expect(arnHtml('arn:x', shortenArns([]))).toBe('<code class="arn" title="arn:x">arn:x</code>')
  })

  it('escapes the ARN in its title and in every part', () => {
    const arns = [`${instance}queue/<b>&"{x}'`, `${instance}queue/c`]
    const html = arnHtml(arns[0] ?? '', shortenArns(arns))
    expect(html).toContain(`title="${instance}queue/&lt;b&gt;&amp;&quot;&#123;x&#125;&#39;"`)
    expect(html).toContain('<span class="arn-own">&lt;b&gt;&amp;&quot;&#123;x&#125;&#39;</span>')
    expect(html).not.toContain('<b>')
  })
})

describe('the decision table’s ARNs and playground links', () => {
  const createUser = sample('create-user-deny-security-profile')
  const rows = decisionRows(createUser, { catalog })
  const table = decisionTable(createUser, rows)

  it('says what the ellipsis stands for, and shortens every ARN of the requests by it', () => {
    const { shared } = shortenArns(rows.flatMap((row) => row.resources))
    expect(shared).toMatch(/^arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]+\/$/)
    expect(table.startsWith('<p class="arn-legend">In the ARNs below,')).toBe(true)
    expect(table).toContain(`stands for <code>${shared}</code>`)
    for (const resource of rows.flatMap((row) => row.resources)) {
      expect(table).toContain(`<code class="arn" title="${resource}">`)
    }
    // the full text stays in the page, for search and copying
    expect(table).toContain(`<span class="arn-elided">${shared}</span>`)
  })

  it('links each request to the playground, with the corrected policy and that request', () => {
    const links = [...table.matchAll(/<a class="playground-link" href="([^"]+)">/g)].map(
      (match) => match[1],
    )
    expect(links).toEqual(
      rows.map(
        (row) =>
          `/playground${playgroundHash(createUser.corrected ?? '', {
            action: row.action,
            resources: row.resources,
            ...(row.principal === undefined ? {} : { principal: row.principal }),
          })}`,
      ),
    )
  })
})
