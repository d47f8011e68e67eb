import type { App, Kit, View } from './types.js'

/** A line of the request log, as the calls route and the `call` event give it. */
interface Entry {
  readonly id: number
  readonly time: string
  readonly region: string
  readonly operation: string
  readonly status: number
  readonly error?: string
  readonly source: string
  readonly ms: number
}

/** The request log, live, filtered by operation and status; a call's request and answer (masked) on click. */
export function callsView(k: Kit, _app: App, panel: HTMLElement): View {
  const h = k.h
  let entries: Entry[] = []
  const operation = h('input', {
    id: 'calls-operation',
    list: 'calls-operations',
    autocomplete: 'off',
  }) as HTMLInputElement
  const known = h('datalist', { id: 'calls-operations' })
  const status = h(
    'select',
    { id: 'calls-status' },
    ...[
      ['', 'any'],
      ['2xx', '2xx (answered)'],
      ['4xx', '4xx (refused)'],
      ['5xx', '5xx (faults)'],
    ].map(([value, label]) => h('option', { value }, label)),
  ) as HTMLSelectElement
  const form = h(
    'form',
    { class: 'toolbar', 'aria-label': 'Filter calls' },
    h('label', { for: 'calls-operation' }, 'Operation'),
    operation,
    known,
    h('label', { for: 'calls-status' }, 'Status'),
    status,
    h('button', { type: 'submit' }, 'Filter'),
  )
  const body = h('div', { id: 'calls-table' })
  const detail = h('section', { id: 'call-detail', 'aria-live': 'polite', 'aria-label': 'The selected call' })
  panel.append(h('h2', null, 'Calls'), form, body, detail)

  const matches = (e: Entry): boolean =>
    (!operation.value || e.operation === operation.value) && (!status.value || String(e.status)[0] === status.value[0])

  const open = async (id: number): Promise<void> => {
    try {
      const call = await k.get<Entry & { request: string; response: string; message?: string }>(`calls/${id}`)
      const title = h('h3', { tabindex: -1 }, `${call.operation} ${call.status}${call.error ? ` ${call.error}` : ''}`)
      detail.replaceChildren(
        title,
        call.message ? h('p', { class: 'error' }, call.message) : '',
        h('h4', null, 'Request'),
        h('pre', { tabindex: 0, 'aria-label': 'Request' }, call.request),
        h('h4', null, 'Answer'),
        h('pre', { tabindex: 0, 'aria-label': 'Answer' }, call.response),
      )
      title.focus()
    } catch (error) {
      detail.replaceChildren(h('p', { role: 'alert', class: 'error' }, k.refusal(error).message))
    }
  }

  const render = (): void => {
    const rows = entries.map((e) => [
      k.time(e.time),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => void open(e.id),
          'aria-label': `Show call ${e.id}: ${e.operation}`,
        },
        e.operation,
      ),
      h('span', { class: `badge ${e.status < 400 ? 'ok' : 'bad'}` }, String(e.status)),
      e.error ?? '',
      e.source,
      String(e.ms),
      e.region,
    ])
    body.replaceChildren(
      k.table(
        'Calls, newest first',
        ['Time', 'Operation', 'Status', 'Error', 'Source', 'ms', 'Region'],
        rows,
        'No calls yet.',
      ),
    )
    const names = [...new Set(entries.map((e) => e.operation))].sort()
    known.replaceChildren(...names.map((n) => h('option', { value: n })))
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void view.refresh()
  })
  status.addEventListener('change', () => void view.refresh())

  const view: View = {
    async refresh() {
      try {
        const data = await k.get<{ calls: Entry[] }>('calls', { operation: operation.value, status: status.value })
        entries = data.calls
      } catch (error) {
        body.replaceChildren(h('p', { role: 'alert', class: 'error' }, k.refusal(error).message))
        return
      }
      render()
    },
    call(entry) {
      const e = entry as Entry
      if (!matches(e) || entries.some((x) => x.id === e.id)) return
      entries = [e, ...entries].slice(0, 500)
      if (!panel.hidden) render()
    },
  }
  return view
}
