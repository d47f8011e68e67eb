import type { App, ConsoleUser, CreateDialog, Kit, UserDialog, View } from './types.js'

/** The users of the selected pool: a search (ListUsers' filter), a page at a time, each user managed in a dialog. */
export function usersView(k: Kit, app: App, panel: HTMLElement, manage: UserDialog, create: CreateDialog): View {
  const h = k.h
  const attributes = ['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'sub']
  let tokens: Array<string | undefined> = [undefined]
  let page = 0
  let filter = ''
  let shown: ConsoleUser[] = []

  const attribute = h('select', { id: 'search-attribute' }, ...attributes.map((a) => h('option', { value: a }, a)))
  const match = h(
    'select',
    { id: 'search-match' },
    h('option', { value: '^=' }, 'starts with'),
    h('option', { value: '=' }, 'is'),
  )
  const text = h('input', { id: 'search-text', type: 'search', autocomplete: 'off' }) as HTMLInputElement
  const size = h(
    'select',
    { id: 'page-size' },
    ...[10, 20, 60].map((n) => h('option', { value: n, selected: n === 20 }, String(n))),
  ) as HTMLSelectElement
  const search = h(
    'form',
    { role: 'search', 'aria-label': 'Search users', class: 'toolbar' },
    h('label', { for: 'search-attribute' }, 'Attribute'),
    attribute,
    h('label', { for: 'search-match' }, 'Match'),
    match,
    h('label', { for: 'search-text' }, 'Value'),
    text,
    h('button', { type: 'submit' }, 'Search'),
    h('button', { type: 'reset' }, 'Clear'),
    h('label', { for: 'page-size' }, 'Per page'),
    size,
    h(
      'button',
      { type: 'button', id: 'create-user', onclick: () => create(k, app, () => void view.refresh()) },
      'Create user',
    ),
  )
  const restart = (): void => {
    tokens = [undefined]
    page = 0
    void view.refresh()
  }
  search.addEventListener('submit', (event) => {
    event.preventDefault()
    const value = text.value.replace(/["\\]/g, (c) => `\\${c}`)
    filter =
      text.value === ''
        ? ''
        : `${(attribute as HTMLSelectElement).value} ${(match as HTMLSelectElement).value} "${value}"`
    restart()
  })
  search.addEventListener('reset', () => {
    filter = ''
    setTimeout(restart)
  })
  size.addEventListener('change', restart)

  const body = h('div', { id: 'users-table' })
  const previous = h('button', { type: 'button', onclick: () => move(-1) }, 'Previous page') as HTMLButtonElement
  const next = h('button', { type: 'button', onclick: () => move(1) }, 'Next page') as HTMLButtonElement
  const where = h('span', { class: 'muted' })
  const move = (by: number): void => {
    page = Math.max(0, Math.min(tokens.length - 1, page + by))
    void view.refresh()
  }
  panel.append(
    h('h2', null, 'Users'),
    search,
    body,
    h('nav', { class: 'pager', 'aria-label': 'Pages of users' }, previous, where, next),
  )

  const cellOf = (u: ConsoleUser, passkeys: boolean): Node[] => {
    const attrs = (u.Attributes ?? []).filter((a) => a.Name !== 'sub')
    const mfa = u.mfa?.enabled.length
      ? u.mfa.enabled.map((m) => (m === u.mfa?.preferred ? `${m} (preferred)` : m)).join(', ')
      : 'none'
    return [
      h('span', { class: 'mono' }, u.Username),
      h('span', { class: `badge ${u.UserStatus === 'CONFIRMED' ? 'ok' : 'warn'}` }, u.UserStatus ?? ''),
      u.Enabled === false ? h('span', { class: 'badge bad' }, 'disabled') : h('span', null, 'enabled'),
      h(
        'ul',
        { class: 'attrs' },
        ...attrs.map((a) => h('li', null, h('span', { class: 'muted' }, `${a.Name}: `), a.Value ?? '')),
      ),
      (u.groups ?? []).join(', '),
      mfa,
      String(u.devices ?? 0),
      ...(passkeys ? [u.passkey ? 'yes' : 'no'] : []),
      u.lastSignIn === undefined ? 'not seen' : k.time(u.lastSignIn),
      h(
        'button',
        {
          type: 'button',
          'aria-label': `Manage ${u.Username}`,
          onclick: () => manage(k, app, u, () => void view.refresh()),
        },
        'Manage',
      ),
    ] as Node[]
  }

  const view: View = {
    async refresh() {
      const pool = app.pool
      if (!pool) {
        body.replaceChildren(
          h('p', { class: 'empty' }, 'No user pool yet. Create one through the API, or post fixtures.'),
        )
        return
      }
      try {
        const data = await k.get<{ users: ConsoleUser[]; paginationToken?: string }>('users', {
          userPoolId: pool.Id,
          accountId: pool.accountId,
          region: pool.region,
          filter,
          limit: size.value,
          paginationToken: tokens[page],
        })
        tokens = tokens.slice(0, page + 1)
        if (data.paginationToken) tokens.push(data.paginationToken)
        shown = data.users
      } catch (error) {
        const refusal = k.refusal(error)
        body.replaceChildren(h('p', { role: 'alert', class: 'error' }, `${refusal.message} (${refusal.type})`))
        return
      }
      // The passkeys column shows once a listed user has one.
      const passkeys = shown.some((u) => u.passkey)
      const columns = ['Username', 'Status', 'Enabled', 'Attributes', 'Groups', 'MFA', 'Devices']
      columns.push(...(passkeys ? ['Passkey'] : []), 'Last sign-in', 'Actions')
      const rows = shown.map((u) => cellOf(u, passkeys))
      body.replaceChildren(
        k.table(`Users of ${pool.Name}${filter ? ` where ${filter}` : ''}`, columns, rows, 'No users.'),
      )
      previous.disabled = page === 0
      next.disabled = page >= tokens.length - 1
      where.textContent = `Page ${page + 1}`
    },
  }
  return view
}
