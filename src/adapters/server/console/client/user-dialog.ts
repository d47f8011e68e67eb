import type { App, ConsoleUser, Kit } from './types.js'

/**
 * A dialog for one user: confirm, disable or enable, sign out everywhere, delete, edit attributes, set a password.
 * Each runs the operation an administrator would (AdminConfirmSignUp…), so Cognito's rules and messages apply.
 */
export function userDialog(k: Kit, app: App, user: ConsoleUser, changed: () => void): void {
  const h = k.h
  const pool = app.pool!
  let current = user
  const dialog = h('dialog', { id: 'user-dialog', 'aria-labelledby': 'user-dialog-title' }) as HTMLDialogElement
  const error = h('p', { id: 'user-error', role: 'alert', class: 'error' })
  const content = h('div')

  const act = async (done: string, operation: string, input: Record<string, unknown>): Promise<boolean> => {
    error.textContent = ''
    try {
      await k.run(operation, { UserPoolId: pool.Id, Username: current.Username, ...input }, pool)
      k.say(`${done} (${operation})`)
      changed()
      return true
    } catch (failure) {
      const refusal = k.refusal(failure)
      error.replaceChildren(refusal.message, ' ', h('span', { class: 'muted' }, `(${refusal.type})`))
      return false
    }
  }
  const reload = async (): Promise<void> => {
    const got = await k.run<{ UserStatus?: string; Enabled?: boolean; UserAttributes?: ConsoleUser['Attributes'] }>(
      'AdminGetUser',
      { UserPoolId: pool.Id, Username: current.Username },
      pool,
    )
    current = { ...current, UserStatus: got.UserStatus, Enabled: got.Enabled, Attributes: got.UserAttributes }
    render()
  }
  const andReload = (done: string, operation: string) => async () => {
    if (await act(done, operation, {})) await reload()
  }
  const button = (label: string, onclick: () => unknown, extra: Record<string, string> = {}) =>
    h('button', { type: 'button', onclick, ...extra }, label)

  const render = (): void => {
    const attrs = (current.Attributes ?? []).filter((a) => a.Name !== 'sub')
    const sub = (current.Attributes ?? []).find((a) => a.Name === 'sub')?.Value
    const actions = h(
      'div',
      { class: 'toolbar' },
      current.UserStatus === 'UNCONFIRMED' && button('Confirm sign-up', andReload('Confirmed', 'AdminConfirmSignUp')),
      current.Enabled === false
        ? button('Enable', andReload('Enabled', 'AdminEnableUser'))
        : button('Disable', andReload('Disabled', 'AdminDisableUser')),
      button('Sign out everywhere', () => void act('Signed out everywhere', 'AdminUserGlobalSignOut', {})),
      button(
        'Delete user',
        () => {
          if (!window.confirm(`Delete ${current.Username}? This cannot be undone.`)) return
          void act('Deleted', 'AdminDeleteUser', {}).then((ok) => ok && dialog.close())
        },
        { class: 'danger' },
      ),
    )
    const inputs = attrs.map((a) => ({
      name: a.Name,
      was: a.Value ?? '',
      input: h('input', { id: `attr-${a.Name}`, value: a.Value ?? '', autocomplete: 'off' }) as HTMLInputElement,
    }))
    const newName = h('input', { id: 'attr-new-name', autocomplete: 'off' }) as HTMLInputElement
    const newValue = h('input', { id: 'attr-new-value', autocomplete: 'off' }) as HTMLInputElement
    const attributesForm = h(
      'form',
      { id: 'attributes-form', class: 'grid', 'aria-labelledby': 'attributes-title' },
      h('h3', { id: 'attributes-title' }, 'Attributes'),
      ...inputs.flatMap((i) => [h('label', { for: i.input.id }, i.name), i.input]),
      h('label', { for: 'attr-new-name' }, 'New attribute name'),
      newName,
      h('label', { for: 'attr-new-value' }, 'New attribute value'),
      newValue,
      h('button', { type: 'submit' }, 'Save attributes'),
    )
    attributesForm.addEventListener('submit', async (event) => {
      event.preventDefault()
      const updates = inputs
        .filter((i) => i.input.value !== i.was && i.input.value !== '')
        .map((i) => ({ Name: i.name, Value: i.input.value }))
      if (newName.value) updates.push({ Name: newName.value, Value: newValue.value })
      const removed = inputs.filter((i) => i.input.value === '' && i.was !== '').map((i) => i.name)
      if (updates.length && !(await act('Attributes saved', 'AdminUpdateUserAttributes', { UserAttributes: updates })))
        return
      if (
        removed.length &&
        !(await act('Attributes removed', 'AdminDeleteUserAttributes', { UserAttributeNames: removed }))
      )
        return
      await reload()
    })
    const password = h('input', {
      id: 'new-password',
      type: 'password',
      autocomplete: 'new-password',
    }) as HTMLInputElement
    const permanent = h('input', { id: 'permanent', type: 'checkbox', checked: true }) as HTMLInputElement
    const passwordForm = h(
      'form',
      { id: 'password-form', class: 'grid', 'aria-labelledby': 'password-title' },
      h('h3', { id: 'password-title' }, 'Password'),
      h('label', { for: 'new-password' }, 'New password'),
      password,
      h(
        'div',
        { class: 'check' },
        permanent,
        h('label', { for: 'permanent' }, 'Permanent (otherwise temporary: changed at sign-in)'),
      ),
      h('button', { type: 'submit' }, 'Set password'),
    )
    passwordForm.addEventListener('submit', async (event) => {
      event.preventDefault()
      const ok = await act('Password set', 'AdminSetUserPassword', {
        Password: password.value,
        Permanent: permanent.checked,
      })
      password.value = ''
      if (ok) await reload()
    })
    content.replaceChildren(
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, 'Status'),
        h('dd', { id: 'user-status' }, current.UserStatus ?? ''),
        h('dt', null, 'Enabled'),
        h('dd', null, current.Enabled === false ? 'no' : 'yes'),
        h('dt', null, 'sub'),
        h('dd', { class: 'mono' }, sub ?? ''),
        h('dt', null, 'Created'),
        h('dd', null, k.time(current.UserCreateDate)),
      ),
      actions,
      attributesForm,
      passwordForm,
    )
  }

  dialog.append(
    h(
      'header',
      { class: 'dialog-head' },
      h('h2', { id: 'user-dialog-title' }, `User ${current.Username}`),
      button('Close', () => dialog.close()),
    ),
    error,
    content,
  )
  render()
  dialog.addEventListener('close', () => dialog.remove())
  document.body.append(dialog)
  dialog.showModal()
}
