import * as Sdk from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../../src/adapters/sdk/index.js'
import { pngBase64, svgBase64 } from './images.js'

const handler = cognitoRequestHandler()
const sdk = new Sdk.CognitoIdentityProviderClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
  requestHandler: handler,
})
const error = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error) => `${e.name}: ${e.message}`,
  )
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const png = (b64: string) => Uint8Array.from(Buffer.from(b64, 'base64'))

let UserPoolId = ''
const newClient = async (pool = UserPoolId) =>
  (await sdk.send(new Sdk.CreateUserPoolClientCommand({ UserPoolId: pool, ClientName: 'web' }))).UserPoolClient!
    .ClientId!

beforeAll(async () => {
  UserPoolId = (await sdk.send(new Sdk.CreateUserPoolCommand({ PoolName: 'branded' }))).UserPool!.Id!
})
afterAll(() => handler.reset())

describe('managed login branding', () => {
  it('creates a style with settings and a logo, and describes it by id and by client', async () => {
    const ClientId = await newClient()
    const logo = png(pngBase64())
    const settings = { components: { primaryButton: { lightMode: { defaults: { backgroundColor: 'd0218aff' } } } } }
    const { ManagedLoginBranding: made } = await sdk.send(
      new Sdk.CreateManagedLoginBrandingCommand({
        UserPoolId,
        ClientId,
        Settings: settings,
        Assets: [{ Category: 'PAGE_HEADER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: logo }],
      }),
    )
    expect(made!.ManagedLoginBrandingId).toMatch(UUID4)
    expect(made).toMatchObject({ UserPoolId, UseCognitoProvidedValues: false, Settings: settings })
    expect(made!.Assets).toEqual([{ Category: 'PAGE_HEADER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: logo }])
    expect(made!.CreationDate).toBeInstanceOf(Date)
    const byId = await sdk.send(
      new Sdk.DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: made!.ManagedLoginBrandingId }),
    )
    const byClient = await sdk.send(new Sdk.DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId }))
    expect(byId.ManagedLoginBranding).toEqual(made)
    expect(byClient.ManagedLoginBranding).toEqual(made)
  })

  it("with Cognito's values, Settings is absent unless merged resources are asked for", async () => {
    const ClientId = await newClient()
    const { ManagedLoginBranding: made } = await sdk.send(
      new Sdk.CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, UseCognitoProvidedValues: true }),
    )
    expect(made).toMatchObject({ UseCognitoProvidedValues: true, Assets: [] })
    expect(made!.Settings).toBeUndefined()
    const merged = await sdk.send(
      new Sdk.DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId, ReturnMergedResources: true }),
    )
    expect(merged.ManagedLoginBranding!.Settings).toMatchObject({
      categories: { global: { colorSchemeMode: 'LIGHT' } },
      components: { primaryButton: { lightMode: { defaults: { backgroundColor: '0972d3ff' } } } },
    })
  })

  it("merges the style's own settings over Cognito's values", async () => {
    const ClientId = await newClient()
    await sdk.send(
      new Sdk.CreateManagedLoginBrandingCommand({
        UserPoolId,
        ClientId,
        Settings: { components: { pageBackground: { lightMode: { color: '112233ff' } } } },
      }),
    )
    const { ManagedLoginBranding } = await sdk.send(
      new Sdk.DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId, ReturnMergedResources: true }),
    )
    expect(ManagedLoginBranding!.Settings).toMatchObject({
      components: {
        pageBackground: { lightMode: { color: '112233ff' }, darkMode: { color: '0f1b2aff' } },
        primaryButton: { lightMode: { defaults: { backgroundColor: '0972d3ff' } } },
      },
    })
  })

  it('updates keep what the request leaves out; UseCognitoProvidedValues reverts', async () => {
    const ClientId = await newClient()
    const id = (
      await sdk.send(
        new Sdk.CreateManagedLoginBrandingCommand({
          UserPoolId,
          ClientId,
          Settings: { components: { form: { lightMode: { backgroundColor: '101010ff', borderColor: '202020ff' } } } },
          Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: png(pngBase64()) }],
        }),
      )
    ).ManagedLoginBranding!.ManagedLoginBrandingId!
    const dark = png(pngBase64(10, 10, '#000000'))
    const { ManagedLoginBranding: updated } = await sdk.send(
      new Sdk.UpdateManagedLoginBrandingCommand({
        UserPoolId,
        ManagedLoginBrandingId: id,
        Settings: { components: { form: { lightMode: { backgroundColor: '303030ff' } } } },
        Assets: [{ Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'PNG', Bytes: dark }],
      }),
    )
    expect(updated!.Settings).toEqual({
      components: { form: { lightMode: { backgroundColor: '303030ff', borderColor: '202020ff' } } },
    })
    expect(updated!.Assets!.map((a) => `${a.Category}/${a.ColorMode}`)).toEqual(['FORM_LOGO/LIGHT', 'FORM_LOGO/DARK'])
    const { ManagedLoginBranding: reverted } = await sdk.send(
      new Sdk.UpdateManagedLoginBrandingCommand({
        UserPoolId,
        ManagedLoginBrandingId: id,
        UseCognitoProvidedValues: true,
      }),
    )
    expect(reverted).toMatchObject({ UseCognitoProvidedValues: true, Assets: [] })
    expect(reverted!.Settings).toBeUndefined()
  })

  it('deletes a style; deleting its client deletes it too', async () => {
    const ClientId = await newClient()
    const create = () =>
      sdk.send(new Sdk.CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, UseCognitoProvidedValues: true }))
    const id = (await create()).ManagedLoginBranding!.ManagedLoginBrandingId!
    await sdk.send(new Sdk.DeleteManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id }))
    expect(
      await error(sdk.send(new Sdk.DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id }))),
    ).toBe(`ResourceNotFoundException: Managed login branding ${id} does not exist in user pool ${UserPoolId}.`)
    const again = (await create()).ManagedLoginBranding!.ManagedLoginBrandingId!
    await sdk.send(new Sdk.DeleteUserPoolClientCommand({ UserPoolId, ClientId }))
    expect(
      await error(sdk.send(new Sdk.DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: again }))),
    ).toMatch(/^ResourceNotFoundException: /)
  })
})

describe('managed login branding, refused', () => {
  it('a second style for a client', async () => {
    const ClientId = await newClient()
    const create = () =>
      sdk.send(new Sdk.CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, UseCognitoProvidedValues: true }))
    await create()
    expect(await error(create())).toBe(
      `ManagedLoginBrandingExistsException: A managed login branding style already exists for app client ${ClientId}.`,
    )
  })

  it("Cognito's values together with settings, and neither", async () => {
    const ClientId = await newClient()
    expect(
      await error(
        sdk.send(
          new Sdk.CreateManagedLoginBrandingCommand({
            UserPoolId,
            ClientId,
            UseCognitoProvidedValues: true,
            Settings: { components: {} },
          }),
        ),
      ),
    ).toMatch(/^InvalidParameterException: .*\(but not both\)\.$/)
    expect(await error(sdk.send(new Sdk.CreateManagedLoginBrandingCommand({ UserPoolId, ClientId })))).toMatch(
      /^InvalidParameterException: .*\(but not both\)\.$/,
    )
  })

  it('a colour that is not 8 hex digits', async () => {
    const ClientId = await newClient()
    expect(
      await error(
        sdk.send(
          new Sdk.CreateManagedLoginBrandingCommand({
            UserPoolId,
            ClientId,
            Settings: { components: { pageBackground: { lightMode: { color: 'red;}body{x' } } } },
          }),
        ),
      ),
    ).toBe(
      'InvalidParameterException: Invalid color at Settings components.pageBackground.lightMode.color: colors are 8 hexadecimal digits (RRGGBBAA).',
    )
  })

  it('an asset whose bytes are not what its extension says, and an SVG with a script', async () => {
    const ClientId = await newClient()
    const send = (asset: Sdk.AssetType) =>
      error(
        sdk.send(new Sdk.CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, Settings: {}, Assets: [asset] })),
      )
    expect(await send({ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'JPEG', Bytes: png(pngBase64()) })).toBe(
      'InvalidParameterException: The asset FORM_LOGO (LIGHT) is not a valid JPEG image.',
    )
    expect(
      await send({
        Category: 'FORM_LOGO',
        ColorMode: 'DARK',
        Extension: 'SVG',
        Bytes: png(svgBase64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
      }),
    ).toBe(
      'InvalidParameterException: The asset FORM_LOGO (DARK) contains a script element, which SVG assets cannot contain.',
    )
    expect(await send({ Category: 'FAVICON_ICO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: png(pngBase64()) })).toBe(
      'InvalidParameterException: The asset FAVICON_ICO (LIGHT) must have the extension ICO.',
    )
  })

  it('an unknown client, an unknown style, and a malformed id', async () => {
    expect(
      await error(
        sdk.send(
          new Sdk.CreateManagedLoginBrandingCommand({
            UserPoolId,
            ClientId: 'nosuchclient',
            UseCognitoProvidedValues: true,
          }),
        ),
      ),
    ).toBe('ResourceNotFoundException: User pool client nosuchclient does not exist.')
    const ClientId = await newClient()
    expect(await error(sdk.send(new Sdk.DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId })))).toBe(
      `ResourceNotFoundException: App client ${ClientId} has no managed login branding style.`,
    )
    expect(
      await error(sdk.send(new Sdk.DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: 'x' }))),
    ).toMatch(/^InvalidParameterException: 1 validation error detected: Value 'x' at 'managedLoginBrandingId'/)
  })

  it('a style on the Lite plan', async () => {
    const lite = (await sdk.send(new Sdk.CreateUserPoolCommand({ PoolName: 'lite', UserPoolTier: 'LITE' }))).UserPool!
      .Id!
    const ClientId = await newClient(lite)
    expect(
      await error(
        sdk.send(
          new Sdk.CreateManagedLoginBrandingCommand({ UserPoolId: lite, ClientId, UseCognitoProvidedValues: true }),
        ),
      ),
    ).toBe(
      'OperationNotEnabledException: The following feature is not available for the LITE pricing tier configured: Managed Login',
    )
  })
})

const CSS = '.submitButton-customizable {\n\tbackground-color: #d0218a;\n}\n.background-customizable { color: #111 }\n'

describe('classic hosted UI customization', () => {
  let withDomain = ''
  beforeAll(async () => {
    withDomain = (await sdk.send(new Sdk.CreateUserPoolCommand({ PoolName: 'classic' }))).UserPool!.Id!
    await sdk.send(new Sdk.CreateUserPoolDomainCommand({ UserPoolId: withDomain, Domain: 'classic-branding' }))
  })

  it("sets the pool's and a client's; a client without its own gets the pool's", async () => {
    const own = await newClient(withDomain)
    const other = await newClient(withDomain)
    const image = png(pngBase64())
    const { UICustomization: all } = await sdk.send(
      new Sdk.SetUICustomizationCommand({ UserPoolId: withDomain, ClientId: 'ALL', CSS, ImageFile: image }),
    )
    expect(all).toMatchObject({ UserPoolId: withDomain, CSS })
    expect(all!.ClientId).toBeUndefined()
    expect(all!.CSSVersion).toMatch(/^\d{14}$/)
    expect(all!.ImageUrl).toMatch(
      new RegExp(
        `^https://[a-z0-9]+\\.cloudfront\\.net/${withDomain}/ALL/${all!.CSSVersion}/assets/images/image\\.jpg$`,
      ),
    )
    await sdk.send(new Sdk.SetUICustomizationCommand({ UserPoolId: withDomain, ClientId: own, CSS: '' }))
    const get = async (ClientId?: string) =>
      (await sdk.send(new Sdk.GetUICustomizationCommand({ UserPoolId: withDomain, ClientId }))).UICustomization
    expect(await get(own)).toMatchObject({ ClientId: own, CSS: '' })
    expect((await get(own))!.ImageUrl).toBeUndefined()
    expect(await get(other)).toEqual(all)
    expect(await get()).toEqual(all)
  })

  it('answers an empty customization when nothing is set', async () => {
    const pool = (await sdk.send(new Sdk.CreateUserPoolCommand({ PoolName: 'plain' }))).UserPool!.Id!
    expect((await sdk.send(new Sdk.GetUICustomizationCommand({ UserPoolId: pool }))).UICustomization).toEqual({})
  })

  it('refuses a pool without a domain', async () => {
    expect(await error(sdk.send(new Sdk.SetUICustomizationCommand({ UserPoolId, CSS })))).toBe(
      'InvalidParameterException: A domain must be associated with this user pool.',
    )
  })

  it.each([
    ['.header { color: red }', 'The CSS class .header is not one that can be customized.'],
    ['@import url(x.css); .label-customizable { color: red }', 'The CSS cannot contain @import statements.'],
    ['@media print { .label-customizable { color: red } }', 'The CSS cannot contain @media statements.'],
    ['.label-customizable { background: url(javascript:alert(1)) }', 'The CSS cannot contain JavaScript.'],
    ['.label-customizable { color: red } </style><script>alert(1)</script>', 'The CSS cannot contain HTML.'],
  ])('refuses the CSS %s', async (css, message) => {
    expect(await error(sdk.send(new Sdk.SetUICustomizationCommand({ UserPoolId: withDomain, CSS: css })))).toBe(
      `InvalidParameterException: ${message}`,
    )
  })

  it('refuses a logo that is not a PNG or JPEG, and an unknown client', async () => {
    const svg = png(svgBase64('<svg xmlns="http://www.w3.org/2000/svg"/>'))
    expect(await error(sdk.send(new Sdk.SetUICustomizationCommand({ UserPoolId: withDomain, ImageFile: svg })))).toBe(
      'InvalidParameterException: The image file must be a PNG or JPEG image.',
    )
    expect(
      await error(sdk.send(new Sdk.SetUICustomizationCommand({ UserPoolId: withDomain, ClientId: 'nope', CSS }))),
    ).toBe('ResourceNotFoundException: User pool client nope does not exist.')
  })

  it("deleting a client deletes its customization; the pool's stays", async () => {
    const client = await newClient(withDomain)
    await sdk.send(new Sdk.SetUICustomizationCommand({ UserPoolId: withDomain, ClientId: client, CSS: '' }))
    expect(JSON.stringify(handler.simulation.snapshot())).toContain(`${withDomain}/${client}`)
    await sdk.send(new Sdk.DeleteUserPoolClientCommand({ UserPoolId: withDomain, ClientId: client }))
    expect(JSON.stringify(handler.simulation.snapshot())).not.toContain(`${withDomain}/${client}`)
    expect((await sdk.send(new Sdk.GetUICustomizationCommand({ UserPoolId: withDomain }))).UICustomization!.CSS).toBe(
      CSS,
    )
  })
})
