import type { AssetType } from '../../../../generated/types.js'
import { imageDataUrl } from '../resources/branding-images.js'
import { readClassicCss, writeCss } from '../resources/classic-css.js'
import type { ClientRow } from '../resources/clients.js'
import { onTier } from '../resources/feature-plans.js'
import { brandingOfClient, effectiveSettings } from '../resources/managed-login-branding.js'
import { uiCustomizationFor } from '../resources/ui-customization.js'
import type { PageStyle } from './pages.js'
import { layout } from './pages.js'
import { page } from './respond.js'
import { HostedFailure, type Site } from './types.js'

type Mode = 'lightMode' | 'darkMode'

/** A member of the settings document at a path, or undefined. */
function at(doc: unknown, ...path: string[]): unknown {
  let value = doc
  for (const key of path)
    value = typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as never)[key] : undefined
  return value
}

/** A colour of the document as CSS (`#rrggbbaa`), only ever from 8 hex digits: nothing else reaches the style. */
function color(doc: unknown, ...path: string[]): string | undefined {
  const value = at(doc, ...path)
  return typeof value === 'string' && /^[0-9a-fA-F]{8}$/.test(value) ? `#${value.toLowerCase()}` : undefined
}

function radius(doc: unknown, ...path: string[]): string | undefined {
  const value = at(doc, ...path)
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? `${Math.min(value, 64)}px` : undefined
}

function rule(selector: string, declarations: Record<string, string | undefined>): string {
  const body = Object.entries(declarations)
    .filter(([, v]) => v !== undefined)
    .map(([p, v]) => `${p}:${v}`)
    .join(';')
  return body ? `${selector}{${body}}` : ''
}

/** The page's style in one colour mode, from the settings the branding editor writes (the AWS CLI's example's paths). */
function managedCss(doc: unknown, m: Mode): string {
  const c = (...path: string[]) => color(doc, ...path)
  return [
    rule('body', {
      'background-color': c('components', 'pageBackground', m, 'color'),
      color: c('components', 'pageText', m, 'bodyColor'),
    }),
    rule('h1', { color: c('components', 'pageText', m, 'headingColor') }),
    rule('.banner-customizable', { 'background-color': c('components', 'pageHeader', m, 'background', 'color') }),
    rule('form', {
      'background-color': c('components', 'form', m, 'backgroundColor'),
      border: c('components', 'form', m, 'borderColor') && `1px solid ${c('components', 'form', m, 'borderColor')}`,
      'border-radius': radius(doc, 'components', 'form', 'borderRadius'),
      padding: '1rem',
    }),
    rule('label', { color: c('componentClasses', 'inputLabel', m, 'textColor') }),
    rule('input', {
      'background-color': c('componentClasses', 'input', m, 'defaults', 'backgroundColor'),
      'border-color': c('componentClasses', 'input', m, 'defaults', 'borderColor'),
      'border-radius': radius(doc, 'componentClasses', 'input', 'borderRadius'),
    }),
    rule('button', {
      'background-color': c('components', 'primaryButton', m, 'defaults', 'backgroundColor'),
      color: c('components', 'primaryButton', m, 'defaults', 'textColor'),
      'border-radius': radius(doc, 'componentClasses', 'buttons', 'borderRadius'),
      border: '0',
    }),
    rule('button:hover', {
      'background-color': c('components', 'primaryButton', m, 'hover', 'backgroundColor'),
      color: c('components', 'primaryButton', m, 'hover', 'textColor'),
    }),
    rule('a', { color: c('componentClasses', 'link', m, 'defaults', 'textColor') }),
    rule('a:hover', { color: c('componentClasses', 'link', m, 'hover', 'textColor') }),
    rule('.message', {
      'background-color': c('components', 'alert', m, 'error', 'backgroundColor'),
      'border-color': c('components', 'alert', m, 'error', 'borderColor'),
    }),
  ]
    .filter(Boolean)
    .join('\n')
}

/** The style's logo for a colour mode: the page header's, else the form's; that mode's, else the adaptive one. */
function logoOf(assets: readonly AssetType[], mode: 'LIGHT' | 'DARK'): string | undefined {
  for (const category of ['PAGE_HEADER_LOGO', 'FORM_LOGO'])
    for (const colorMode of [mode, 'DYNAMIC']) {
      const asset = assets.find((a) => a.Category === category && a.ColorMode === colorMode)
      const url = asset?.Bytes === undefined ? undefined : imageDataUrl(asset.Bytes)
      if (url) return url
    }
  return undefined
}

/**
 * Without a style, a client's managed login pages do not work (seen: the model's DeleteManagedLoginBranding, and
 * DG cognito-user-pools-managed-login: API-created clients have no style until CreateManagedLoginBranding). Seen
 * (minorun365/html-share#3, a deployment's report): the page reads "Login pages unavailable". Chosen without
 * evidence: the status (400) and the rest of the page.
 */
function unavailable(): HostedFailure {
  return new HostedFailure(
    page(400, layout('Login pages unavailable', '<p id="unavailable">This app client has no managed login style.</p>')),
  )
}

/**
 * How a client's hosted pages look. Managed login (the domain's ManagedLoginVersion 2, on a plan other than Lite):
 * the client's style, in the colour mode its `categories.global.colorSchemeMode` names (DYNAMIC follows the browser),
 * its page-header or form logo. The classic hosted UI (version 1): the client's own CSS and logo, else the pool's
 * (`ALL`). Chosen without evidence: a Lite pool's domain at version 2 shows the classic UI (the plan has no managed
 * login); which settings reach which element of these plain pages.
 */
export function pageStyleFor(site: Site, client: ClientRow): PageStyle | undefined {
  const poolId = site.pool.pool.Id
  if (site.domain.managedLoginVersion === 2 && onTier(site.pool.pool, 'ESSENTIALS')) {
    const branding = brandingOfClient(site.cx, client.client.ClientId)
    if (!branding) throw unavailable()
    const doc = effectiveSettings(branding)
    const scheme = at(doc, 'categories', 'global', 'colorSchemeMode')
    if (scheme === 'DARK') return { css: managedCss(doc, 'darkMode'), logo: logoOf(branding.assets, 'DARK') }
    if (scheme !== 'DYNAMIC') return { css: managedCss(doc, 'lightMode'), logo: logoOf(branding.assets, 'LIGHT') }
    const light = logoOf(branding.assets, 'LIGHT')
    const dark = logoOf(branding.assets, 'DARK')
    return {
      css: `${managedCss(doc, 'lightMode')}\n@media (prefers-color-scheme: dark){${managedCss(doc, 'darkMode')}}`,
      logo: light ?? dark,
      ...(dark !== undefined && dark !== light && { darkLogo: dark }),
    }
  }
  const custom = uiCustomizationFor(site.cx, poolId, client.client.ClientId)
  if (!custom) return undefined
  const read = custom.css === undefined ? undefined : readClassicCss(custom.css)
  return {
    css: read && 'rules' in read ? writeCss(read.rules) : '',
    logo: custom.image === undefined ? undefined : imageDataUrl(custom.image),
  }
}
