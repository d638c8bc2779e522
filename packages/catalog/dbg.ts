import { awsCatalog } from './src/index.ts'

const c = awsCatalog()
for (const r of [
  'arn:aws:backup:*:*:recovery-point:*',
  'arn:aws:elasticloadbalancing:*:*:loadbalancer/net/MgnFSxProxy*NLB/*',
  'arn:aws:storagegateway:*:*:*',
  'arn:aws:s3:::*',
])
  console.log(
    r,
    c.resourceTypesOf(r).map((t) => t.name),
  )
console.log(
  c
    .service('backup')!
    .resourceTypes.filter((t) => t.name.includes('recovery'))
    .map((t) => JSON.stringify(t.arnFormats.map((f) => [f.source, f.fields[4]]))),
)
console.log(
  c
    .service('s3')!
    .conditionKeys.filter((k) => /Existing|ResourceTag/.test(k.name))
    .map((k) => k.name),
  c
    .service('secretsmanager')!
    .conditionKeys.filter((k) => /ResourceTag/.test(k.name))
    .map((k) => k.name),
)
