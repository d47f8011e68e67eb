import type { Child, Kit, PoolRef, Props, Refusal } from './types.js'

/** The page's toolbox: elements, the control routes (with the control header and, when given, the token), formats. */
export function kit(): Kit {
  const base = '/_cognito-idp-contract/'
  const tokenKey = 'cognito-idp-contract-token'
  const status = document.getElementById('status')!

  const h = (tag: string, props?: Props | null, ...children: Child[]): HTMLElement => {
    const element = document.createElement(tag)
    for (const [name, value] of Object.entries(props ?? {})) {
      if (value === undefined || value === null || value === false) continue
      if (typeof value === 'function') element.addEventListener(name.slice(2), value)
      else if (name === 'value') (element as HTMLInputElement).value = String(value)
      else if (name === 'checked') (element as HTMLInputElement).checked = value === true
      else element.setAttribute(name, value === true ? '' : String(value))
    }
    for (const child of children)
      if (child !== null && child !== undefined && child !== false)
        element.append(typeof child === 'number' ? String(child) : child)
    return element
  }

  const headers = (json: boolean): Record<string, string> => {
    // The control header on every request: changes need it, and the server leaves the console's reads out of its log.
    const out: Record<string, string> = { 'x-cognito-idp-contract': 'console', accept: 'application/json' }
    if (json) out['content-type'] = 'application/json'
    const token = sessionStorage.getItem(tokenKey)
    if (token) out['x-cognito-idp-contract-token'] = token
    return out
  }

  const askToken = (): Promise<void> =>
    new Promise((resolve) => {
      const existing = document.getElementById('token-form')
      if (existing) {
        existing.addEventListener('submit', () => resolve(), { once: true })
        return
      }
      const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true })
      const form = h(
        'form',
        { id: 'token-form', class: 'banner', 'aria-labelledby': 'token-title' },
        h('p', { id: 'token-title' }, "This server's control routes need its token (serve printed it at start)."),
        h('label', { for: 'token' }, 'Control token'),
        input,
        h('button', { type: 'submit' }, 'Use the token'),
      )
      form.addEventListener('submit', (event) => {
        event.preventDefault()
        sessionStorage.setItem(tokenKey, (input as HTMLInputElement).value)
        form.remove()
        resolve()
      })
      document.querySelector('main')!.prepend(form)
      input.focus()
    })

  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    for (;;) {
      const response = await fetch(base + path, {
        method,
        headers: headers(body !== undefined),
        cache: 'no-store',
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
      if (response.status === 401) {
        await askToken()
        continue
      }
      const text = await response.text()
      const data = text === '' ? undefined : (JSON.parse(text) as unknown)
      if (!response.ok) {
        const d = (data ?? {}) as { type?: string; message?: string }
        throw { type: d.type ?? `HTTP ${response.status}`, message: d.message ?? response.statusText } as Refusal
      }
      return data as T
    }
  }

  const get = <T>(path: string, query: Readonly<Record<string, string | number | undefined>> = {}): Promise<T> => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v))
    const search = params.toString()
    return call<T>('GET', search ? `${path}?${search}` : path)
  }

  const run = <T>(operation: string, input: Readonly<Record<string, unknown>>, pool?: PoolRef): Promise<T> =>
    call<T>('POST', 'send', {
      operation,
      input,
      ...(pool && { accountId: pool.accountId, region: pool.region }),
    })

  const listen = (onEvent: (event: string, data: unknown) => void, open: (connected: boolean) => void): void => {
    // fetch rather than EventSource, which cannot send the token header; the stream is server-sent events all the same.
    const connect = async (): Promise<void> => {
      try {
        const response = await fetch(`${base}events`, { headers: headers(false), cache: 'no-store' })
        if (response.status === 401) await askToken()
        if (!response.ok || !response.body) throw new Error(String(response.status))
        open(true)
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += value
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            let event = 'message'
            let data = ''
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7)
              else if (line.startsWith('data: ')) data += line.slice(6)
            }
            if (data) onEvent(event, JSON.parse(data))
          }
        }
      } catch {
        // reconnects below
      }
      open(false)
      setTimeout(() => void connect(), 2000)
    }
    void connect()
  }

  const say = (text: string): void => {
    status.textContent = text
  }

  const time = (value: number | string | undefined): string => {
    if (value === undefined) return ''
    const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value)
    return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })
  }

  const copy = async (text: string): Promise<void> => {
    if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(text)
    else {
      const area = h('textarea', { 'aria-hidden': 'true', class: 'offscreen' }) as HTMLTextAreaElement
      area.value = text
      document.body.append(area)
      area.select()
      document.execCommand('copy')
      area.remove()
    }
    say(`Copied ${text}`)
  }

  const refusal = (error: unknown): Refusal => {
    const e = error as Partial<Refusal> | undefined
    if (e && typeof e.type === 'string' && typeof e.message === 'string') return { type: e.type, message: e.message }
    return { type: 'Error', message: String((error as Error)?.message ?? error) }
  }

  const table = (
    caption: string,
    columns: readonly string[],
    rows: ReadonlyArray<readonly Child[]>,
    empty: string,
  ): HTMLElement => {
    if (rows.length === 0) return h('p', { class: 'empty' }, empty)
    return h(
      'div',
      { class: 'scroll', role: 'region', 'aria-label': caption, tabindex: 0 },
      h(
        'table',
        null,
        h('caption', null, caption),
        h('thead', null, h('tr', null, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, ...rows.map((cells) => h('tr', null, ...cells.map((c) => h('td', null, c))))),
      ),
    )
  }

  return {
    h,
    get,
    send: (method, path, body) => call(method, path, body),
    run,
    listen,
    say,
    time,
    copy,
    refusal,
    table,
  }
}
