import { z } from 'zod'

export const catalogSourceSchema = z
  .object({
    name: z.string().describe('the package the data comes from'),
    version: z.string(),
    date: z.string().describe('when the data was gathered (ISO 8601)'),
  })
  .meta({ id: 'CatalogSource', description: 'Where the AWS service reference comes from.' })
