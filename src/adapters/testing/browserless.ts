/** One page a browserless session reached: where, its status, and its HTML (empty for redirects it stopped at). */
export interface BrowserlessPage {
  readonly url: string
  readonly status: number
  readonly html: string
}

const ENTITY = /&#(\d+);|&amp;|&quot;|&lt;|&gt;/g
const decode = (text: string): string =>
  text.replace(ENTITY, (m, n: string | undefined) =>
    n ? String.fromCharCode(Number(n)) : { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>' }[m]!,
  )

/**
 * A browser without a window for Node tests of hosted sign-in: follows redirects, keeps cookies per origin, and
 * submits a page's form with its hidden fields. Enough for the hosted sign-in page and for simple identity
 * providers (oidc-provider's development login); it runs no scripts.
 */
export class BrowserlessSession {
  readonly #cookies = new Map<string, Map<string, string>>()

  /** Sends one request with the origin's cookies and keeps the cookies it sets; redirects are not followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin
    const jar = this.#cookies.get(origin) ?? new Map<string, string>()
    this.#cookies.set(origin, jar)
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), ...(cookie && { cookie }) },
    })
    for (const set of response.headers.getSetCookie()) {
      const [pair = ''] = set.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at).trim()
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(set)) jar.delete(name)
      else jar.set(name, pair.slice(at + 1))
    }
    return response
  }

  /** Follows GET redirects from `url` until a page answers without one, or the next URL starts with `stopAt`. */
  async follow(url: string, options: { readonly stopAt?: string | undefined } = {}): Promise<BrowserlessPage> {
    let next = url
    for (let hops = 0; hops < 20; hops++) {
      if (options.stopAt !== undefined && next.startsWith(options.stopAt)) return { url: next, status: 302, html: '' }
      const response = await this.request(next)
      const location = response.headers.get('location')
      if (response.status < 300 || response.status >= 400 || !location)
        return { url: next, status: response.status, html: await response.text() }
      next = new URL(location, next).href
    }
    throw new Error(`more than 20 redirects from ${url}`)
  }

  /**
   * Submits a form of `page` (the one with this id, else the first): its hidden inputs and `fields` posted as a form
   * to its action; then follows redirects as `follow` does.
   */
  async submit(
    page: BrowserlessPage,
    fields: Readonly<Record<string, string>>,
    options: { readonly form?: string | undefined; readonly stopAt?: string | undefined } = {},
  ): Promise<BrowserlessPage> {
    const forms = [...page.html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)]
    const chosen = forms.find((f) => options.form === undefined || new RegExp(`id="${options.form}"`).test(f[1]!))
    if (!chosen) throw new Error(`no form${options.form ? ` with id ${options.form}` : ''} on ${page.url}`)
    const action = new URL(decode(/action="([^"]*)"/i.exec(chosen[1]!)?.[1] ?? ''), page.url).href
    const body = new URLSearchParams()
    for (const input of chosen[2]!.matchAll(/<input\b([^>]*)>/gi)) {
      const attrs = input[1]!
      const name = /name="([^"]*)"/i.exec(attrs)?.[1]
      if (name && /type="hidden"/i.test(attrs))
        body.set(decode(name), decode(/value="([^"]*)"/i.exec(attrs)?.[1] ?? ''))
    }
    for (const [k, v] of Object.entries(fields)) body.set(k, v)
    const response = await this.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    })
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location)
      return this.follow(new URL(location, action).href, options)
    return { url: action, status: response.status, html: await response.text() }
  }
}
