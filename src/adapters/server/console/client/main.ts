import type { App, Kit, PoolRef, View, ViewMaker } from './types.js'

/** The page: its tabs (the views), the pool list in the header, and the live events that refresh what is shown. */
export function main(k: Kit, makers: Readonly<Record<string, ViewMaker>>): void {
  const names = Object.keys(makers)
  const tabs = new Map<string, HTMLElement>()
  const views = new Map<string, View>()
  const select = document.getElementById('pool') as HTMLSelectElement
  const live = document.getElementById('live')!
  const keyOf = (p: PoolRef) => `${p.accountId}/${p.region}/${p.Id}`
  let current = ''

  const app: App = {
    pools: [],
    pool: undefined,
    choose(pool, view) {
      app.pool = pool
      select.value = pool ? keyOf(pool) : ''
      if (view) location.hash = view
      else void views.get(current)?.refresh()
    },
    async reloadPools() {
      const { pools } = await k.get<{ pools: PoolRef[] }>('pools')
      app.pools = pools
      const kept = app.pool && pools.find((p) => keyOf(p) === keyOf(app.pool!))
      app.pool = kept ?? pools[0]
      select.replaceChildren(
        ...(pools.length === 0 ? [k.h('option', { value: '' }, 'No user pools yet')] : []),
        ...pools.map((p) =>
          k.h('option', { value: keyOf(p) }, `${p.Name} (${p.Id})${pools.length > 1 ? ` ${p.accountId}` : ''}`),
        ),
      )
      select.value = app.pool ? keyOf(app.pool) : ''
    },
  }
  select.addEventListener('change', () => app.choose(app.pools.find((p) => keyOf(p) === select.value)))

  const nav = document.getElementById('tabs')!
  const mainEl = document.querySelector('main')!
  for (const name of names) {
    const title = name[0]!.toUpperCase() + name.slice(1)
    const tab = k.h(
      'button',
      { role: 'tab', id: `tab-${name}`, type: 'button', 'aria-controls': `view-${name}`, 'aria-selected': 'false' },
      title,
    )
    tab.addEventListener('click', () => (location.hash = name))
    tab.addEventListener('keydown', (event) => {
      const at = names.indexOf(name)
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: names.length - 1 }[event.key]
      if (to === undefined) return
      event.preventDefault()
      const next = names[(to + names.length) % names.length]!
      location.hash = next
      tabs.get(next)?.focus()
    })
    tabs.set(name, tab)
    nav.append(tab)
    const panel = k.h('section', {
      role: 'tabpanel',
      id: `view-${name}`,
      'aria-labelledby': `tab-${name}`,
      hidden: true,
    })
    mainEl.append(panel)
    views.set(name, makers[name]!(k, app, panel))
  }

  const show = (): void => {
    const wanted = location.hash.slice(1)
    const name = names.includes(wanted) ? wanted : 'users'
    current = name
    for (const [n, tab] of tabs) {
      const selected = n === name
      tab.setAttribute('aria-selected', String(selected))
      tab.tabIndex = selected ? 0 : -1
      document.getElementById(`view-${n}`)!.hidden = !selected
    }
    document.title = `${tabs.get(name)!.textContent} · local Cognito`
    void views.get(name)!.refresh()
  }
  window.addEventListener('hashchange', show)

  // Events: a call line goes to the calls view at once; a change reads the shown view again (a burst, once).
  let again: ReturnType<typeof setTimeout> | undefined
  const refreshSoon = (pools: boolean): void => {
    if (again) clearTimeout(again)
    again = setTimeout(async () => {
      if (pools) await app.reloadPools().catch(() => undefined)
      await views.get(current)?.refresh()
    }, 150)
  }
  k.listen(
    (event, data) => {
      if (event === 'call') views.get('calls')?.call?.(data)
      if (event === 'change' || event === 'reset') {
        const reasons = ((data as { reasons?: string[] }).reasons ?? []).join(' ')
        refreshSoon(event === 'reset' || /UserPool\b|reset|restore|fixtures/.test(reasons))
      }
    },
    (connected) => {
      live.textContent = connected ? 'Live' : 'Reconnecting…'
      if (connected) refreshSoon(true)
    },
  )

  void app.reloadPools().then(show, (error) => {
    k.say(`The pools could not be read: ${k.refusal(error).message}`)
    show()
  })
}
