import * as Sdk from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserlessSession } from '../../../../src/adapters/testing/browserless.js'
import { pngBase64 } from '../branding/images.js'
import { CALLBACK, type HostedWorld, hostedWorld } from './support.js'

let world: HostedWorld
beforeAll(async () => {
  world = await hostedWorld()
})
afterAll(() => world.server.close())

const page = async (path: string, extra: Record<string, string> = {}) => {
  const query = new URLSearchParams({
    client_id: world.web.id,
    redirect_uri: CALLBACK,
    response_type: 'code',
    ...extra,
  })
  return (await new BrowserlessSession().follow(`${world.base}${path}?${query}`)).html
}

describe('branding on the hosted pages', () => {
  it("the classic UI shows the client's own CSS, only what was read, and its logo as a data: URL", async () => {
    await world.sdk.send(
      new Sdk.SetUICustomizationCommand({
        UserPoolId: world.poolId,
        ClientId: world.web.id,
        CSS: '/* brand */ .submitButton-customizable { background-color: #d0218a }',
        ImageFile: Buffer.from(pngBase64(), 'base64'),
      }),
    )
    const html = await page('/login')
    expect(html).toContain('<style id="branding">.submitButton-customizable{background-color:#d0218a}</style>')
    expect(html).toMatch(/<img id="logo" class="logo-customizable" alt="Logo" src="data:image\/png;base64,iVBOR/)
    expect(html).toContain('class="submitButton-customizable"')
  })

  it('links the terms of use and privacy policy, with stable ids, once the client has both', async () => {
    const create = (TermsName: string, url: string) =>
      world.sdk.send(
        new Sdk.CreateTermsCommand({
          UserPoolId: world.poolId,
          ClientId: world.web.id,
          TermsName,
          TermsSource: 'LINK',
          Enforcement: 'NONE',
          Links: { 'cognito:default': url },
        }),
      )
    await create('terms-of-use', 'https://example.com/terms?a=1&b=2')
    expect(await page('/signup')).not.toContain('id="terms-of-use"')
    await create('privacy-policy', 'https://example.com/privacy')
    const signUp = await page('/signup')
    expect(signUp).toContain('<a id="terms-of-use" href="https://example.com/terms?a=1&#38;b=2">Terms of use</a>')
    expect(signUp).toContain('<a id="privacy-policy" href="https://example.com/privacy">Privacy policy</a>')
    expect(await page('/login')).toContain('id="privacy-policy"')
  })
})
