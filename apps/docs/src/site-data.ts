/** What the generator tells the VitePress config: the generated pages, for the sidebar. */
export interface SiteData {
  readonly examples: readonly { readonly text: string; readonly link: string }[]
  readonly services: readonly { readonly text: string; readonly link: string }[]
  /** The audit's checks, each with its page. */
  readonly checks: readonly { readonly text: string; readonly link: string }[]
  /** The date of the service reference data. */
  readonly catalogDate: string
}

/** Where the generator writes the site data, relative to the VitePress source folder. */
export const siteDataPath = '.vitepress/generated/site-data.json'

/** Reads site data written by the generator, checking its shape so that the config never guesses. */
export function readSiteData(json: string): SiteData {
  const data: unknown = JSON.parse(json)
  const links = (value: unknown): value is SiteData['examples'] =>
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as { text?: unknown }).text === 'string' &&
        typeof (item as { link?: unknown }).link === 'string',
    )
  if (
    typeof data !== 'object' ||
    data === null ||
    !links((data as { examples?: unknown }).examples) ||
    !links((data as { services?: unknown }).services) ||
    !links((data as { checks?: unknown }).checks) ||
    typeof (data as { catalogDate?: unknown }).catalogDate !== 'string'
  ) {
    throw new Error(`${siteDataPath} is not what the generator writes: run \`pnpm generate\``)
  }
  return data as SiteData
}
