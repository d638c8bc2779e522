import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { baselineFileName, createBaseline } from '../baseline.ts'
import { checkSources, unreadableFiles } from '../check-sources.ts'
import { defineCommand, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { readCheckOptions, sourceOptions } from './validate.ts'

export const baselineHelp = `Usage: connect-policy baseline [options] <file|folder...>

Records today's findings of every file, so that \`connect-policy validate --baseline <file>\`
reports only new ones. A finding is matched by the file and a fingerprint of its code, its
policy and the text it points at, which survives edits elsewhere in the file.

Options:
  --output <file>         where to write it (default: ${baselineFileName})
  --policy-type, --suppress, --include, --exclude, --config, --parameter,
  --ignore-unrecognized, --stdin-name
                          as for \`connect-policy validate\`
  -h, --help              show this help

Example:
  connect-policy baseline --output connect-policy.baseline.json .
  connect-policy validate --baseline connect-policy.baseline.json .

Exit codes: 0 written, 2 usage error, or a file that cannot be read (nothing is written).
`

/** `connect-policy baseline`: today's findings, written for later runs to leave out. */
export const baseline = defineCommand(baselineHelp, async (args, io) => {
  const { values, positionals } = parseArguments(
    args,
    { output: { type: 'string' }, ...sourceOptions },
    true,
  )
  if (positionals.length === 0)
    throw new UsageError('no file given: name files or folders to record')
  const { options } = await readCheckOptions(values, io)
  const checked = await checkSources(positionals, io, options)
  for (const problem of checked.unreadable) io.stderr.write(`error: ${problem}\n`)
  if (checked.unreadable.length > 0 || unreadableFiles(checked.files)) {
    for (const file of checked.files) {
      for (const problem of file.source.problems)
        io.stderr.write(`error: ${file.source.name}: ${problem.message}\n`)
    }
    return exitCodes.usage
  }
  const entries = checked.files.flatMap((file) =>
    file.findings.map((finding) => ({
      file: file.source.name,
      fingerprint: finding.fingerprint,
      code: finding.code,
      ...(finding.policy === '' ? {} : { policy: finding.policy }),
      message: finding.message,
    })),
  )
  const output = values.output ?? baselineFileName
  await writeFile(resolve(io.cwd, output), `${JSON.stringify(createBaseline(entries), null, 2)}\n`)
  io.stdout.write(
    `recorded ${entries.length} ${entries.length === 1 ? 'finding' : 'findings'} of ${checked.files.length} ${checked.files.length === 1 ? 'file' : 'files'} in ${output}\n`,
  )
  return exitCodes.success
})
