import { awsCatalogData, connectFamily, subsetCatalogData } from '@connect-policy/catalog'
import { createCatalog } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { sourceExamples } from './examples.ts'
import { runSources } from './run.ts'
import { sourceHover } from './source-hover.ts'

const catalog = createCatalog(subsetCatalogData(awsCatalogData(), [...connectFamily, 'iam', 'sts']))

const example = (id: string) => {
  const found = sourceExamples.find((item) => item.id === id)
  if (found === undefined) throw new Error(`no example ${id}`)
  return found
}

/** The hover at the middle of the `nth` occurrence of `word` in a file, with the text it covers. */
function hoverOver(text: string, word: string, nth = 0) {
  let at = -1
  for (let seen = 0; seen <= nth; seen++) at = text.indexOf(word, at + 1)
  if (at < 0) throw new Error(`no ${word} in the file`)
  const view = runSources({ name: 'file', text }, catalog)
  const shown = sourceHover(view.texts, at + Math.floor(word.length / 2), catalog)
  return shown === undefined ? undefined : { ...shown, covers: text.slice(shown.from, shown.to) }
}

describe('sourceHover', () => {
  it('describes an action of a CloudFormation template written in YAML, over its letters in the file', () => {
    const { text } = example('cloudformation')
    const shown = hoverOver(text, 'connect:DescribeUser')
    expect(shown).toMatchObject({ title: 'connect:DescribeUser', covers: 'connect:DescribeUser' })
    expect(shown?.body.join('\n')).toMatch(/Read/)
    expect(hoverOver(text, 'connect:DescribeQueu')?.body.join('\n')).toMatch(/not|unknown/i)
  })

  it('describes an action inside the JSON string of a Terraform plan', () => {
    const { text } = example('terraform-plan')
    expect(hoverOver(text, 'connect:ListQueues')).toMatchObject({
      title: 'connect:ListQueues',
      covers: 'connect:ListQueues',
    })
  })

  it('describes the actions of an account export, whose policies are JSON in the file', () => {
    const { text } = example('account')
    const shown = hoverOver(text, 'connect:DescribeUser')
    expect(shown?.title).toBe('connect:DescribeUser')
  })

  it('shows nothing over what is not in a policy, or where the file holds no policy', () => {
    const { text } = example('cloudformation')
    expect(hoverOver(text, 'AWSTemplateFormatVersion')).toBeUndefined()
    expect(sourceHover([], 0, catalog)).toBeUndefined()
    const view = runSources({ name: 'file', text: 'not a policy' }, catalog)
    expect(sourceHover(view.texts, 3, catalog)).toBeUndefined()
  })
})
