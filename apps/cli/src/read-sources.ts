import { readdir, readFile, stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import {
  type ReadSource,
  type ReadSourceOptions,
  type ResourceSuppression,
  readSource,
  terraformSuppressions,
} from '@connect-policy/sources'
import picomatch from 'picomatch'
import { UsageError } from './command.ts'
import { type Io, readAll } from './io.ts'
import { readProblem } from './read-input.ts'

/** What a folder is searched for unless `--include` says otherwise. */
export const defaultInclude = [
  '**/*.json',
  '**/*.yaml',
  '**/*.yml',
  '**/*.template',
  '**/*.tfstate',
]
/** What a folder search never enters unless named. */
export const defaultExclude = ['**/node_modules/**', '**/.git/**', '**/.terraform/**']

export interface SourceSelection {
  readonly include?: readonly string[]
  readonly exclude?: readonly string[]
  /** Leave out a named file that is none of the formats, as a folder's are (for hooks handed every changed file). */
  readonly ignoreUnrecognized?: boolean
}

export interface ReadSources {
  /** Every file read, in the order named (a folder's files sorted). */
  readonly sources: readonly ReadSource[]
  /** Files that could not be read, each with why. */
  readonly unreadable: readonly string[]
  /** Files of a folder that hold none of the formats, left out without a finding. */
  readonly skipped: readonly string[]
}

function slashed(path: string): string {
  return path.split(sep).join('/')
}

async function walk(folder: string, root: string, keep: (path: string) => boolean, into: string[]) {
  const entries = await readdir(folder, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(folder, entry.name)
    const shown = slashed(relative(root, path))
    if (entry.isDirectory()) {
      if (keep(`${shown}/`)) await walk(path, root, keep, into)
    } else if (entry.isFile() && keep(shown)) {
      into.push(path)
    }
  }
}

/**
 * Reads every path: a file, `-` (standard input, at most once), or a folder searched to any
 * depth for the files `include` names and `exclude` does not (globs, against paths relative to
 * the folder the command runs in). Each file is recognised by its content (`readSource`). A file
 * that cannot be read is reported and every other one is still read; a file of a folder that is
 * none of the formats is left out, a file named on its own is reported.
 */
export async function readSources(
  paths: readonly string[],
  io: Io,
  selection: SourceSelection,
  options: ReadSourceOptions & { readonly stdinName: string },
): Promise<ReadSources> {
  if (paths.filter((path) => path === '-').length > 1) {
    throw new UsageError('standard input (`-`) can be read only once')
  }
  const included = picomatch([...(selection.include ?? defaultInclude)], { dot: true })
  const excluded = picomatch([...defaultExclude, ...(selection.exclude ?? [])], { dot: true })
  const keepFile = (path: string) =>
    path.endsWith('/')
      ? !excluded(path) && !excluded(path.slice(0, -1))
      : included(path) && !excluded(path)
  const sources: ReadSource[] = []
  const unreadable: string[] = []
  const skipped: string[] = []
  for (const path of paths) {
    if (path === '-') {
      sources.push(readSource({ name: options.stdinName, text: await readAll(io.stdin) }, options))
      continue
    }
    const absolute = resolve(io.cwd, path)
    let folder = false
    try {
      folder = (await stat(absolute)).isDirectory()
    } catch (error) {
      unreadable.push(readProblem(path, error))
      continue
    }
    const files: string[] = []
    if (folder) {
      try {
        await walk(absolute, io.cwd, keepFile, files)
      } catch (error) {
        unreadable.push(readProblem(path, error))
        continue
      }
    } else {
      files.push(absolute)
    }
    for (const file of files) {
      const name = folder ? slashed(relative(io.cwd, file)) : path
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        unreadable.push(readProblem(name, error))
        continue
      }
      const read = readSource({ name, text }, options)
      if ((folder || selection.ignoreUnrecognized === true) && read.format === undefined) {
        skipped.push(name)
      } else sources.push(read)
    }
  }
  return { sources, unreadable, skipped }
}

async function tfFiles(folder: string, cwd: string): Promise<{ name: string; text: string }[]> {
  let names: string[]
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.tf')).sort()
  } catch {
    return []
  }
  const files: { name: string; text: string }[] = []
  for (const name of names) {
    try {
      const path = join(folder, name)
      files.push({ name: slashed(relative(cwd, path)), text: await readFile(path, 'utf8') })
    } catch {
      // a configuration file that cannot be read has no suppressions to give
    }
  }
  return files
}

/**
 * The suppression comments of the Terraform configuration a plan or state was made from: the
 * `.tf` files beside it (the root module, where `terraform show -json` is run) and those of each
 * module it calls from a local folder (`./modules/agent`), each under its module's address.
 */
export async function terraformConfigSuppressions(
  source: ReadSource,
  io: Io,
): Promise<ResourceSuppression[]> {
  if (source.terraformModules === undefined) return []
  const folder = dirname(resolve(io.cwd, source.name))
  const found = terraformSuppressions(await tfFiles(folder, io.cwd))
  for (const module of source.terraformModules) {
    const local = module.source.startsWith('./') || module.source.startsWith('../')
    if (!local || isAbsolute(module.source)) continue
    found.push(
      ...terraformSuppressions(
        await tfFiles(resolve(folder, module.source), io.cwd),
        `${module.address}.`,
      ),
    )
  }
  return found
}
