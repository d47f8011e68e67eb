import { describe, expect, it } from 'vitest'
import { createCognitoMock } from '../../../src/core/mock/mock.js'

const request = (n: number) => ({
  method: 'POST',
  url: 'https://cognito-idp.us-east-1.amazonaws.com/',
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPool',
  },
  body: JSON.stringify({ UserPoolId: `us-east-1_Hist${String(n).padStart(5, '0')}` }),
})

describe('the call history', () => {
  it('keeps the latest calls up to callHistory (dropping the oldest in batches), every one with Infinity', async () => {
    const bounded = createCognitoMock({ mode: 'generated', callHistory: 5 })
    const unbounded = createCognitoMock({ mode: 'generated', callHistory: Infinity })
    for (let n = 0; n < 1_100; n++) {
      await bounded.handle(request(n))
      await unbounded.handle(request(n))
    }
    const kept = bounded.calls()
    expect(kept.length).toBeLessThanOrEqual(1_005)
    expect(kept.length).toBeGreaterThanOrEqual(5)
    expect(kept.at(-1)!.input).toEqual({ UserPoolId: 'us-east-1_Hist01099' })
    expect(unbounded.calls()).toHaveLength(1_100)
  })

  it('keeps at most callHistoryBytes of request bodies, dropping the oldest calls past it', async () => {
    const mock = createCognitoMock({ mode: 'generated', callHistoryBytes: 10_000 })
    const big = (n: number) => ({
      ...request(n),
      body: JSON.stringify({ UserPoolId: `us-east-1_Hist${String(n).padStart(5, '0')}`, Padding: 'x'.repeat(1_000) }),
    })
    for (let n = 0; n < 100; n++) await mock.handle(big(n))
    const kept = mock.calls()
    expect(kept.length).toBeLessThanOrEqual(10)
    expect(kept.length).toBeGreaterThanOrEqual(4)
    expect(kept.at(-1)!.input).toEqual({ UserPoolId: 'us-east-1_Hist00099' })
  })
})
