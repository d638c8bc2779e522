// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats in the reference's notation, not templates
import { describe, expect, it } from 'vitest'
import { breakableHtml } from './breakable.ts'

describe('breakableHtml', () => {
  it('lets an action name wrap between its words', () => {
    expect(breakableHtml('DescribeForecastingPlanningSchedulingIntegration')).toBe(
      'Describe<wbr>Forecasting<wbr>Planning<wbr>Scheduling<wbr>Integration',
    )
    expect(breakableHtml('ListRealtimeContactAnalysisSegmentsV2')).toBe(
      'List<wbr>Realtime<wbr>Contact<wbr>Analysis<wbr>Segments<wbr>V2',
    )
  })

  it('keeps a run of capitals whole, and a name of one word as it is', () => {
    expect(breakableHtml('CreateAIAgent')).toBe('Create<wbr>AIAgent')
    expect(breakableHtml('Tag')).toBe('Tag')
    expect(breakableHtml('')).toBe('')
  })

  it('lets a condition key or an ARN format wrap after its separators, and escapes each piece', () => {
    expect(breakableHtml('aws:ResourceTag/${TagKey}')).toBe(
      'aws:<wbr>Resource<wbr>Tag/<wbr>$&#123;Tag<wbr>Key&#125;',
    )
    expect(breakableHtml('arn:aws:s3:::<b>&')).toBe('arn:<wbr>aws:<wbr>s3:::<wbr>&lt;b&gt;&amp;')
  })

  it('lets a name in capitals wrap after its underscores', () => {
    expect(breakableHtml('PASS_ROLE_WITH_STAR')).toBe('PASS_<wbr>ROLE_<wbr>WITH_<wbr>STAR')
    expect(breakableHtml('A__B')).toBe('A__<wbr>B')
  })

  it('puts the name back whole once the breaks are taken out', () => {
    for (const name of ['connect:PrimaryAttribute/${PrimaryAttribute}', 'arn://a//b', 'x:Y']) {
      const html = breakableHtml(name).replaceAll('<wbr>', '')
      expect(html).toBe(breakableHtml(name).split('<wbr>').join(''))
      expect(html.replaceAll('&#123;', '{').replaceAll('&#125;', '}')).toBe(name)
    }
  })
})
