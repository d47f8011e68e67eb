import type { App, Kit, View } from './types.js'

/** The server's state: what it is, reset, a snapshot downloaded, a snapshot uploaded. */
export function stateView(k: Kit, app: App, panel: HTMLElement): View {
  const h = k.h
  const facts = h('dl', { class: 'facts', id: 'health' })
  const result = h('p', { id: 'state-result', role: 'status' })
  const file = h('input', { id: 'snapshot-file', type: 'file', accept: 'application/json,.json' }) as HTMLInputElement
  const fail = (error: unknown) => {
    const refusal = k.refusal(error)
    result.textContent = `${refusal.message} (${refusal.type})`
  }
  const reset = async (): Promise<void> => {
    if (!window.confirm('Empty the simulation (then load the --fixtures again)?')) return
    try {
      await k.send('POST', 'reset', {})
      result.textContent = 'Reset: the simulation is empty, with the fixtures loaded again.'
      await app.reloadPools()
    } catch (error) {
      fail(error)
    }
  }
  const download = async (): Promise<void> => {
    try {
      const snapshot = await k.get<unknown>('snapshot')
      const url = URL.createObjectURL(new Blob([JSON.stringify(snapshot)], { type: 'application/json' }))
      const link = h('a', { href: url, download: `cognito-snapshot-${new Date().toISOString().slice(0, 19)}.json` })
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      result.textContent = 'Snapshot downloaded.'
    } catch (error) {
      fail(error)
    }
  }
  const upload = async (event: Event): Promise<void> => {
    event.preventDefault()
    const chosen = file.files?.[0]
    if (!chosen) {
      result.textContent = 'Choose a snapshot file first.'
      return
    }
    try {
      await k.send('PUT', 'snapshot', JSON.parse(await chosen.text()))
      result.textContent = `Snapshot ${chosen.name} loaded: it replaced the state.`
      await app.reloadPools()
    } catch (error) {
      fail(error)
    }
  }
  panel.append(
    h('h2', null, 'State'),
    facts,
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', id: 'reset', class: 'danger', onclick: () => void reset() }, 'Reset'),
      h('button', { type: 'button', id: 'download', onclick: () => void download() }, 'Download snapshot'),
    ),
    h(
      'form',
      { class: 'toolbar', id: 'upload-form', onsubmit: (event: Event) => void upload(event) },
      h('label', { for: 'snapshot-file' }, 'Snapshot file'),
      file,
      h('button', { type: 'submit' }, 'Upload snapshot'),
    ),
    result,
  )
  return {
    async refresh() {
      try {
        const health = await k.get<Record<string, unknown>>('health')
        const rows: Array<[string, unknown]> = [
          ['Mode', health['mode']],
          ['Default region', health['region']],
          ['Data directory', health['data'] ?? 'none (in memory)'],
          ['Operations simulated', health['simulated']],
          ['User pools', app.pools.length],
        ]
        facts.replaceChildren(...rows.flatMap(([name, value]) => [h('dt', null, name), h('dd', null, String(value))]))
      } catch (error) {
        fail(error)
      }
    },
  }
}
