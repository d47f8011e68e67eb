import type { App, Kit } from './types.js'

/** A dialog that creates a user in the selected pool with AdminCreateUser (Cognito's invitation, unless suppressed). */
export function createDialog(k: Kit, app: App, changed: () => void): void {
  const h = k.h
  const pool = app.pool
  if (!pool) return
  const dialog = h('dialog', { id: 'create-dialog', 'aria-labelledby': 'create-title' }) as HTMLDialogElement
  const field = (id: string, label: string, type = 'text', autocomplete = 'off') => {
    const input = h('input', { id, type, autocomplete }) as HTMLInputElement
    return { input, nodes: [h('label', { for: id }, label), input] }
  }
  const username = field('create-username', 'Username')
  const email = field('create-email', 'Email (optional)', 'email')
  const phone = field('create-phone', 'Phone number (optional, +15555550100)', 'tel')
  const password = field(
    'create-password',
    'Temporary password (optional: Cognito makes one)',
    'password',
    'new-password',
  )
  const suppress = h('input', { id: 'create-suppress', type: 'checkbox' }) as HTMLInputElement
  const error = h('p', { role: 'alert', class: 'error', id: 'create-error' })
  const form = h(
    'form',
    { class: 'grid' },
    ...username.nodes,
    ...email.nodes,
    ...phone.nodes,
    ...password.nodes,
    h(
      'div',
      { class: 'check' },
      suppress,
      h('label', { for: 'create-suppress' }, 'Send no invitation (MessageAction SUPPRESS)'),
    ),
    h('button', { type: 'submit' }, 'Create user'),
  )
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const attributes = [
      ...(email.input.value ? [{ Name: 'email', Value: email.input.value }] : []),
      ...(phone.input.value ? [{ Name: 'phone_number', Value: phone.input.value }] : []),
    ]
    try {
      await k.run(
        'AdminCreateUser',
        {
          UserPoolId: pool.Id,
          Username: username.input.value,
          ...(attributes.length && { UserAttributes: attributes }),
          ...(password.input.value && { TemporaryPassword: password.input.value }),
          ...(suppress.checked && { MessageAction: 'SUPPRESS' }),
        },
        pool,
      )
      k.say(`Created ${username.input.value} (AdminCreateUser)`)
      changed()
      dialog.close()
    } catch (failure) {
      const refusal = k.refusal(failure)
      error.replaceChildren(refusal.message, ' ', h('span', { class: 'muted' }, `(${refusal.type})`))
    }
  })
  dialog.append(
    h(
      'header',
      { class: 'dialog-head' },
      h('h2', { id: 'create-title' }, `Create a user in ${pool.Name}`),
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Close'),
    ),
    error,
    form,
  )
  dialog.addEventListener('close', () => dialog.remove())
  document.body.append(dialog)
  dialog.showModal()
}
