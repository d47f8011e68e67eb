import { callsView } from './client/calls.js'
import { createDialog } from './client/create-dialog.js'
import { kit } from './client/kit.js'
import { main } from './client/main.js'
import { messagesView } from './client/messages.js'
import { poolsView } from './client/pools.js'
import { stateView } from './client/state.js'
import { triggersView } from './client/triggers.js'
import { userDialog } from './client/user-dialog.js'
import { usersView } from './client/users.js'

let script: string | undefined

/**
 * The console page's script: the page functions' own source text, compiled with the package (no build step of its
 * own, nothing from a CDN), joined into one file. Each function refers to nothing outside itself but its
 * parameters, so its text runs alone in the browser.
 */
export function consoleScript(): string {
  // esbuild's keepNames (tsx runs sources so) wraps functions in __name(fn, name): the page needs it too.
  script ??= `// cognito-idp-contract: the console of a local Cognito
const __name = (fn) => fn
;(${main})((${kit})(), {
  pools: (${poolsView}),
  users: (k, app, panel) => (${usersView})(k, app, panel, (${userDialog}), (${createDialog})),
  messages: (${messagesView}),
  calls: (${callsView}),
  triggers: (${triggersView}),
  state: (${stateView}),
})
`
  return script
}
