import type { Sample } from '../schema.ts'

/** The table of samples the README shows between its markers. */
export function samplesTable(all: readonly Sample[]): string {
  const versions = (sample: Sample) =>
    [sample.printed.original && 'original', sample.printed.revised && 'revised']
      .filter(Boolean)
      .join(', ')
  return [
    '| id | title | kind | printed in | errata | expectations |',
    '| --- | --- | --- | --- | ---: | ---: |',
    ...all.map(
      (sample) =>
        `| \`${sample.id}\` | ${sample.title} | ${sample.kind} | ${versions(sample)} | ${sample.errata.length} | ${sample.expectations.length} |`,
    ),
    `| | **total** | | | **${all.reduce((n, s) => n + s.errata.length, 0)}** | **${all.reduce((n, s) => n + s.expectations.length, 0)}** |`,
  ].join('\n')
}
