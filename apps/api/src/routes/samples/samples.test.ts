import { validatePolicy } from '@connect-policy/core'
import { samples } from '@connect-policy/samples'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { expectDocumented, expectProblem, sharedCatalog, testApp } from '../../testing/test-app.ts'
import { getSampleOperation, listSamplesOperation } from './schemas.ts'

const app = testApp()

describe('GET /v1/samples', () => {
  it('lists every sample in page order, as documented', async () => {
    const response = await request(app).get('/v1/samples')
    expect(response.status).toBe(200)
    const body = expectDocumented(listSamplesOperation.response.schema, response.body)
    expect(body.samples.map((sample) => sample.id)).toEqual(samples.map((sample) => sample.id))
    expect(body.documents.map((document) => document.version)).toEqual(['original', 'revised'])
  })

  it('evaluates every expectation live, and every text gives the outcome recorded for it', async () => {
    const response = await request(app).get('/v1/samples')
    const expectations = response.body.samples.flatMap(
      (sample: { expectations: unknown[] }) => sample.expectations,
    )
    expect(expectations.length).toBeGreaterThan(100)
    for (const expectation of expectations) {
      expect(expectation.evaluated).toMatchObject({ asDocumented: true, asRecorded: true })
      expect(expectation.evaluated.corrected.explanation).toBeUndefined()
    }
  })

  it('holds the printed text, the corrected policy, the errata and the findings of each text', async () => {
    const response = await request(app).get('/v1/samples')
    const sample = response.body.samples.find(
      (candidate: { id: string }) => candidate.id === 'deny-user-delete-update',
    )
    const source = samples.find((candidate) => candidate.id === 'deny-user-delete-update')
    expect(sample.printed.original.text).toBe(source?.printed.original?.text)
    expect(sample.corrected).toBe(source?.corrected)
    expect(sample.errata).toEqual(source?.errata)
    for (const version of ['original', 'revised'] as const) {
      const text = source?.printed[version]?.text ?? ''
      expect(sample.printed[version].findings).toEqual(
        validatePolicy(text, { catalog: sharedCatalog.catalog() }),
      )
    }
    expect(sample.correctedFindings).toEqual(
      validatePolicy(source?.corrected ?? '', { catalog: sharedCatalog.catalog() }),
    )
  })

  it('refuses query parameters it does not take', async () => {
    const problem = expectProblem(
      await request(app).get('/v1/samples?page=2'),
      400,
      'invalid-request',
    )
    expect(problem.errors).toEqual([
      { in: 'query', pointer: '/page', detail: 'is not a known field' },
    ])
  })
})

describe('GET /v1/samples/{id}', () => {
  it('answers one sample as the list has it', async () => {
    const [list, one] = await Promise.all([
      request(app).get('/v1/samples'),
      request(app).get('/v1/samples/create-user-deny-security-profile'),
    ])
    expect(one.status).toBe(200)
    expectDocumented(getSampleOperation.response.schema, one.body)
    expect(list.body.samples).toContainEqual(one.body)
  })

  it('explains every evaluation with `explain=true`', async () => {
    const response = await request(app).get(
      '/v1/samples/create-user-deny-security-profile?explain=true',
    )
    expect(response.status).toBe(200)
    expectDocumented(getSampleOperation.response.schema, response.body)
    const [expectation] = response.body.expectations
    expect(expectation.evaluated.corrected.explanation.resources.length).toBeGreaterThan(0)
  })

  it.each([
    ['/v1/samples/no-such-sample', 404, 'not-found', undefined],
    [
      '/v1/samples/Not_Kebab',
      400,
      'invalid-request',
      { in: 'path', pointer: '/id', detail: 'must be a kebab-case sample id' },
    ],
    [
      '/v1/samples/deny-user-delete-update?explain=maybe',
      400,
      'invalid-request',
      { in: 'query', pointer: '/explain', detail: 'must be one of `true`, `false`' },
    ],
  ])('%s is %i', async (path, status, type, error) => {
    const problem = expectProblem(await request(app).get(path), status, type)
    if (error !== undefined) expect(problem.errors).toEqual([error])
  })
})
