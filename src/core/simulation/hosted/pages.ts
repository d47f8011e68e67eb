import { CSRF_FIELD, CSRF_SLOT, escapeHtml } from './respond.js'

/** One field of a hosted form. */
export interface Field {
  readonly name: string
  readonly label: string
  readonly type?: 'text' | 'password' | 'email' | 'hidden' | undefined
  readonly value?: string | undefined
}

/** A plain page: a title, an optional message, forms and links. Element names are stable, for browser tests. */
export function layout(title: string, content: string, message?: string | undefined): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;width:100%;margin:.4rem 0}input{padding:.4rem}button{padding:.5rem}.message{color:#b00020}.note{color:#225}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${message ? `<p class="message" role="alert" id="message">${escapeHtml(message)}</p>` : ''}
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
        : `<label for="${escapeHtml(f.name)}">${escapeHtml(f.label)}</label><input id="${escapeHtml(f.name)}" name="${escapeHtml(f.name)}" type="${f.type ?? 'text'}" value="${escapeHtml(f.value ?? '')}"${f.type === 'password' ? ' autocomplete="current-password"' : ''}>`,
    )
    .join('\n')
  return `<form id="${escapeHtml(id)}" method="post" action="${escapeHtml(action)}">
<input type="hidden" name="${CSRF_FIELD}" value="${CSRF_SLOT}">
${inputs}
<button type="submit" name="action" value="${escapeHtml(id)}">${escapeHtml(submit)}</button>
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
