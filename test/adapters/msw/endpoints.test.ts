import { describe, expect, it } from 'vitest'
import { endpointMatcher } from '../../../src/adapters/msw/index.js'

describe('which requests the handlers answer', () => {
  const matches = endpointMatcher(['http://localhost:9229/', 'https://proxy.example.com/cognito/'])
  it.each([
    'https://cognito-idp.us-east-1.amazonaws.com/',
    'https://cognito-idp.eu-central-1.amazonaws.com',
    'https://cognito-idp-fips.us-gov-west-1.amazonaws.com/',
    'https://cognito-idp.ap-southeast-2.api.aws/',
    'https://cognito-idp.cn-north-1.amazonaws.com.cn/',
    'http://localhost:9229/',
    'https://proxy.example.com/cognito/',
  ])('answers %s', (url) => expect(matches(url)).toBe(true))

  it.each([
    'https://cognito-identity.us-east-1.amazonaws.com/',
    'http://cognito-idp.us-east-1.amazonaws.com/',
    'https://example.com/cognito-idp.us-east-1.amazonaws.com/',
    'https://cognito-idp.us-east-1.amazonaws.com.example.com/',
    'http://localhost:9230/',
    'https://proxy.example.com/other/',
    'not a url',
  ])('passes %s through', (url) => expect(matches(url)).toBe(false))
})
