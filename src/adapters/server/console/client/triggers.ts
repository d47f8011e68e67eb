import type { App, Kit, View } from './types.js'

/** A trigger invocation as the invocations route lists it. */
interface Invocation {
  readonly trigger: string
  readonly triggerSource: string
  readonly userPoolId: string
  readonly functionArn: string
  readonly event: unknown
  readonly result?: unknown
  readonly error?: { readonly type: string; readonly message: string }
  readonly time: number
}

/** The Lambda triggers' invocations, newest first, each with its event and its result or error. */
export function triggersView(k: Kit, _app: App, panel: HTMLElement): View {
  const h = k.h
  const body = h('div', { id: 'triggers-table' })
  panel.append(
    h('h2', null, 'Triggers'),
    h('p', { class: 'muted' }, 'Functions run where a pool names them: serve --lambdas FILE gives them.'),
    body,
  )
  const json = (label: string, value: unknown) =>
    h(
      'details',
      null,
      h('summary', null, label),
      h('pre', { tabindex: 0, 'aria-label': label }, JSON.stringify(value, null, 2)),
    )
  return {
    async refresh() {
      let invocations: Invocation[]
      try {
        invocations = await k.get<Invocation[]>('invocations')
      } catch (error) {
        body.replaceChildren(h('p', { role: 'alert', class: 'error' }, k.refusal(error).message))
        return
      }
      const rows = invocations
        .reverse()
        .map((i) => [
          k.time(i.time),
          i.trigger,
          i.triggerSource,
          h('span', { class: 'mono' }, i.userPoolId),
          h('span', { class: 'mono' }, i.functionArn.split(':').pop() ?? i.functionArn),
          i.error
            ? h('span', { class: 'badge bad' }, `${i.error.type}: ${i.error.message}`)
            : h('span', { class: 'badge ok' }, 'returned'),
          h('div', null, json('Event', i.event), i.result === undefined ? null : json('Result', i.result)),
        ])
      body.replaceChildren(
        k.table(
          'Trigger invocations, newest first',
          ['Time', 'Trigger', 'Source', 'Pool', 'Function', 'Outcome', 'Event and result'],
          rows,
          'No trigger invocations yet.',
        ),
      )
    },
  }
}
