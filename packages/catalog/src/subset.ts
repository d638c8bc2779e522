import {
  type CatalogData,
  type OtherService,
  readCatalogData,
  type ServiceData,
} from '@connect-policy/core'

/** The service fields of a service's ARN formats, variables left out (`${Vendor}`). */
function arnServicesOf(service: ServiceData): string[] {
  const fields = service.resourceTypes.flatMap((type) =>
    type.arnFormats.map((format) => format.split(':')[2] ?? ''),
  )
  return [...new Set(fields.filter((field) => field !== '' && !field.includes('${')))].sort()
}

function nameOnly(service: ServiceData): OtherService {
  const arnServices = arnServicesOf(service)
  return {
    prefix: service.prefix,
    name: service.name,
    ...(arnServices.length === 0 ? {} : { arnServices }),
  }
}

/**
 * The part of the catalog data a browser needs: the services named in full, and every other
 * service by prefix, name and the service fields of its ARNs only, so that a validator running
 * on the subset still knows they and their ARNs exist and says nothing wrong about them.
 */
export function subsetCatalogData(given: CatalogData, prefixes: readonly string[]): CatalogData {
  const data = readCatalogData(given)
  const names = Array.isArray(prefixes)
    ? prefixes.filter((prefix) => typeof prefix === 'string')
    : []
  const kept = new Set(names.map((prefix) => prefix.toLowerCase()))
  return {
    ...data,
    services: data.services.filter((service) => kept.has(service.prefix)),
    otherServices: [
      ...(data.otherServices ?? []),
      ...data.services.filter((service) => !kept.has(service.prefix)).map(nameOnly),
    ],
  }
}
