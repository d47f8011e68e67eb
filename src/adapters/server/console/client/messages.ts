import type { App, Kit, View } from './types.js'

/** A message as the messages route lists it. */
interface Message {
  readonly userPoolId: string
  readonly username: string
  readonly kind: string
  readonly medium: string
  readonly destination: string
  readonly code?: string
  readonly temporaryPassword?: string
  readonly subject?: string
  readonly message: string
  readonly time: number
}

/** The emails and texts the pools sent, newest first, with a button that copies the code. */
export function messagesView(k: Kit, app: App, panel: HTMLElement): View {
  const h = k.h
  const only = h('input', { id: 'messages-only', type: 'checkbox' }) as HTMLInputElement
  const body = h('div', { id: 'messages-table' })
  panel.append(
    h('h2', null, 'Messages'),
    h('p', { class: 'toolbar' }, only, h('label', { for: 'messages-only' }, 'Only the selected pool')),
    body,
  )
  const view: View = {
    async refresh() {
      const pool = only.checked ? app.pool : undefined
      let messages: Message[]
      try {
        messages = await k.get<Message[]>('messages', { userPoolId: pool?.Id })
      } catch (error) {
        body.replaceChildren(h('p', { role: 'alert', class: 'error' }, k.refusal(error).message))
        return
      }
      const rows = messages.reverse().map((m) => {
        const secret = m.code ?? m.temporaryPassword
        return [
          k.time(m.time),
          h('span', { class: 'mono' }, m.userPoolId),
          `${m.destination} (${m.medium.toLowerCase()})`,
          m.kind,
          secret === undefined
            ? ''
            : h(
                'span',
                { class: 'code' },
                h('span', { class: 'mono' }, secret),
                ' ',
                h(
                  'button',
                  {
                    type: 'button',
                    'aria-label': `Copy ${m.code ? 'code' : 'temporary password'} ${secret}`,
                    onclick: () => void k.copy(secret),
                  },
                  'Copy',
                ),
              ),
          h('details', null, h('summary', null, m.subject ?? 'Text'), h('p', { class: 'message-text' }, m.message)),
        ]
      })
      body.replaceChildren(
        k.table(
          'Messages sent, newest first',
          ['Time', 'Pool', 'To', 'Kind', 'Code or password', 'Message'],
          rows,
          'No messages sent yet.',
        ),
      )
    },
  }
  only.addEventListener('change', () => void view.refresh())
  return view
}
