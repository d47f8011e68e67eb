import { CSRF_FIELD, CSRF_SLOT, escapeHtml } from './respond.js'

/** One field of a hosted form. */
export interface Field {
  readonly name: string
  readonly label: string
  readonly type?: 'text' | 'password' | 'email' | 'hidden' | undefined
  readonly value?: string | undefined
}

/**
 * How a client's pages look: a stylesheet made from its branding (only checked values reach it, and it never holds
 * `<`, so it cannot close its style element) and its logo as a data: URL (a dark-mode one apart, when there is one).
 */
export interface PageStyle {
  readonly css: string
  readonly logo?: string | undefined
  readonly darkLogo?: string | undefined
}

/** The banner with the logo, and the style element, of a styled page. */
function branded(style: PageStyle | undefined): { head: string; banner: string } {
  if (!style) return { head: '', banner: '' }
  const head = style.css ? `<style id="branding">${style.css.replace(/</g, '\\3c ')}</style>` : ''
  if (!style.logo) return { head, banner: '' }
  const dark = style.darkLogo
    ? `<source media="(prefers-color-scheme: dark)" srcset="${escapeHtml(style.darkLogo)}">`
    : ''
  const img = `<img id="logo" class="logo-customizable" alt="Logo" src="${escapeHtml(style.logo)}">`
  return { head, banner: `<div class="banner-customizable">${dark ? `<picture>${dark}${img}</picture>` : img}</div>` }
}

/**
 * A plain page: a title, an optional message, forms and links, styled by the client's branding when given. Element
 * names are stable, for browser tests; elements carry the classic hosted UI's `-customizable` classes.
 */
export function layout(title: string, content: string, message?: string | undefined, style?: PageStyle): string {
  const { head, banner } = branded(style)
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;width:100%;margin:.4rem 0}input{padding:.4rem}button{padding:.5rem}.message{color:#b00020}.note{color:#225}</style>
${head}</head><body class="background-customizable">${banner}<h1 class="textDescription-customizable">${escapeHtml(title)}</h1>
${message ? `<div class="errorMessage-customizable"><p class="message" role="alert" id="message">${escapeHtml(message)}</p></div>` : ''}
${content}
</body></html>
`
}

/** A form posting to `action`, with its fields and one submit button. */
export function form(action: string, fields: readonly Field[], submit: string, id: string): string {
  const inputs = fields
    .map((f) =>
      f.type === 'hidden'
        ? `<input type="hidden" name="${escapeHtml(f.name)}" value="${escapeHtml(f.value ?? '')}">`
        : `<label class="label-customizable" for="${escapeHtml(f.name)}">${escapeHtml(f.label)}</label><input id="${escapeHtml(f.name)}" class="inputField-customizable" name="${escapeHtml(f.name)}" type="${f.type ?? 'text'}" value="${escapeHtml(f.value ?? '')}"${f.type === 'password' ? ' autocomplete="current-password"' : ''}>`,
    )
    .join('\n')
  return `<form id="${escapeHtml(id)}" method="post" action="${escapeHtml(action)}">
<input type="hidden" name="${CSRF_FIELD}" value="${CSRF_SLOT}">
${inputs}
<button type="submit" class="submitButton-customizable" name="action" value="${escapeHtml(id)}">${escapeHtml(submit)}</button>
</form>`
}

/** A list of links. */
export function links(items: ReadonlyArray<readonly [string, string, string]>): string {
  if (!items.length) return ''
  return `<ul>${items.map(([href, text, id]) => `<li><a id="${escapeHtml(id)}" href="${escapeHtml(href)}">${escapeHtml(text)}</a></li>`).join('')}</ul>`
}

/** The page a browser lands on when Cognito will not redirect back (seen: "An error was encountered with the requested page."). */
export function errorPageHtml(error: string | null): string {
  return layout(
    'An error was encountered with the requested page.',
    `<p id="error">${escapeHtml(error ?? 'invalid_request')}</p>`,
  )
}
