import { validatePolicy } from '@connect-policy/catalog'
import { samples } from '@connect-policy/samples'

for (const s of samples as any[]) {
  for (const [v, p] of Object.entries(s.printed ?? {}) as any) {
    if (!p.text) continue
    console.log('##', s.id, v)
    for (const f of validatePolicy(p.text))
      console.log(
        '  ',
        f.severity,
        f.code,
        JSON.stringify(p.text.slice(f.range.start.offset, f.range.end.offset)).slice(0, 60),
        '|',
        f.message.slice(0, 200),
      )
  }
  if (s.corrected) {
    const fs = validatePolicy(s.corrected)
    console.log(
      '  corrected:',
      fs.map((f) => f.severity + ' ' + f.code + ' ' + f.message.slice(0, 150)).join('\n     '),
    )
  }
}
