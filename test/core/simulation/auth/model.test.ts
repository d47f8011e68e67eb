import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Cognito, createCognito } from '../../../../src/core/simulation/index.js'

const POOL = 'us-east-1_AuthModel'
const CLIENT = 'authmodelclient00000000000'
const NAMES = ['ann', 'bob'] as const
const PASSWORDS = ['Correct-Horse-1', 'Other-Horse-2'] as const
const HOUR = 3600

/** A sign-in as the model sees it: whose, when its access tokens expire, and whether it was revoked. */
interface Session {
  readonly user: string
  readonly refreshExpires: number
  accessExpires: number
  revoked: boolean
}
/** The reference: users' passwords and states, failures in a row, sign-ins and the clock. */
interface Model {
  now: number
  users: Map<string, { password: string; enabled: boolean; failures: number; lastFailure: number }>
  sessions: Session[]
}
/** The simulation and the tokens of each sign-in, in the model's order. */
interface Real {
  cognito: Cognito
  clock: { now: number }
  tokens: Array<{ access: string; refresh: string }>
}
type Command = fc.AsyncCommand<Model, Real>

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: Error) => `${e.name}: ${e.message}`,
  )

/** What the model expects an access token's use to answer. */
function accessOutcome(m: Model, s: Session): string {
  const user = m.users.get(s.user)
  if (m.now >= s.accessExpires) return 'NotAuthorizedException: Access Token has expired'
  if (s.revoked) return 'NotAuthorizedException: Access Token has been revoked'
  if (!user) return 'UserNotFoundException: User does not exist.'
  if (!user.enabled) return 'NotAuthorizedException: User is disabled.'
  return 'ok'
}

class SignIn implements Command {
  constructor(
    readonly name: string,
    readonly password: string,
  ) {}
  // Stays short of a lockout: five failures in a row lock a user out (tested on its own elsewhere).
  check = (m: Model) => (m.users.get(this.name)?.failures ?? 0) < 4
  async run(m: Model, r: Real) {
    let tokens: { access: string; refresh: string } | undefined
    const result = await outcome(
      r.cognito
        .send('InitiateAuth', {
          ClientId: CLIENT,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: this.name, PASSWORD: this.password },
        })
        .then((answer) => {
          const t = answer.AuthenticationResult!
          tokens = { access: t.AccessToken!, refresh: t.RefreshToken! }
        }),
    )
    const user = m.users.get(this.name)!
    if (m.now - user.lastFailure >= 900) user.failures = 0
    if (!user.enabled) return expect(result).toBe('NotAuthorizedException: User is disabled.')
    if (user.password !== this.password) {
      user.failures += 1
      user.lastFailure = m.now
      return expect(result).toBe('NotAuthorizedException: Incorrect username or password.')
    }
    expect(result).toBe('ok')
    user.failures = 0
    m.sessions.push({
      user: this.name,
      refreshExpires: m.now + 30 * 86_400,
      accessExpires: m.now + HOUR,
      revoked: false,
    })
    r.tokens.push(tokens!)
  }
  toString = () => `SignIn(${this.name}, ${this.password})`
}

/** A command on the i-th sign-in (modulo how many there are); nothing when there is none. */
abstract class OnSession implements Command {
  constructor(readonly index: number) {}
  check = (m: Model) => m.sessions.length > 0
  pick = (m: Model) => this.index % m.sessions.length
  abstract run(m: Model, r: Real): Promise<void>
}

class GetUser extends OnSession {
  async run(m: Model, r: Real) {
    const i = this.pick(m)
    const result = await outcome(r.cognito.send('GetUser', { AccessToken: r.tokens[i]!.access }))
    expect(result).toBe(accessOutcome(m, m.sessions[i]!))
  }
  toString = () => `GetUser(#${this.index})`
}

class Refresh extends OnSession {
  async run(m: Model, r: Real) {
    const i = this.pick(m)
    let access: string | undefined
    const result = await outcome(
      r.cognito
        .send('InitiateAuth', {
          ClientId: CLIENT,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: r.tokens[i]!.refresh },
        })
        .then((answer) => {
          access = answer.AuthenticationResult!.AccessToken
          expect(answer.AuthenticationResult!.RefreshToken).toBeUndefined()
        }),
    )
    const s = m.sessions[i]!
    const user = m.users.get(s.user)
    if (s.revoked) return expect(result).toBe('NotAuthorizedException: Refresh Token has been revoked')
    if (m.now > s.refreshExpires) return expect(result).toBe('NotAuthorizedException: Refresh Token has expired')
    if (!user) return expect(result).toBe('NotAuthorizedException: Invalid Refresh Token.')
    if (!user.enabled) return expect(result).toBe('NotAuthorizedException: User is disabled.')
    expect(result).toBe('ok')
    s.accessExpires = m.now + HOUR
    r.tokens[i] = { ...r.tokens[i]!, access: access! }
  }
  toString = () => `Refresh(#${this.index})`
}

class GlobalSignOut extends OnSession {
  async run(m: Model, r: Real) {
    const i = this.pick(m)
    const result = await outcome(r.cognito.send('GlobalSignOut', { AccessToken: r.tokens[i]!.access }))
    const s = m.sessions[i]!
    const expected = accessOutcome(m, s).replace(
      'UserNotFoundException: User does not exist.',
      'NotAuthorizedException: Invalid Access Token',
    )
    expect(result).toBe(expected)
    if (result === 'ok') for (const other of m.sessions) if (other.user === s.user) other.revoked = true
  }
  toString = () => `GlobalSignOut(#${this.index})`
}

class Revoke extends OnSession {
  async run(m: Model, r: Real) {
    const i = this.pick(m)
    expect(await outcome(r.cognito.send('RevokeToken', { ClientId: CLIENT, Token: r.tokens[i]!.refresh }))).toBe('ok')
    m.sessions[i]!.revoked = true
  }
  toString = () => `Revoke(#${this.index})`
}

class ChangePassword extends OnSession {
  constructor(
    index: number,
    readonly password: string,
  ) {
    super(index)
  }
  async run(m: Model, r: Real) {
    const i = this.pick(m)
    const s = m.sessions[i]!
    const user = m.users.get(s.user)
    const result = await outcome(
      r.cognito.send('ChangePassword', {
        AccessToken: r.tokens[i]!.access,
        PreviousPassword: user?.password ?? PASSWORDS[0],
        ProposedPassword: this.password,
      }),
    )
    expect(result).toBe(accessOutcome(m, s))
    if (result === 'ok') user!.password = this.password
  }
  toString = () => `ChangePassword(#${this.index}, ${this.password})`
}

class AdminSignOut implements Command {
  constructor(readonly name: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const result = await outcome(r.cognito.send('AdminUserGlobalSignOut', { UserPoolId: POOL, Username: this.name }))
    if (!m.users.has(this.name)) return expect(result).toBe('UserNotFoundException: User does not exist.')
    expect(result).toBe('ok')
    for (const s of m.sessions) if (s.user === this.name) s.revoked = true
  }
  toString = () => `AdminSignOut(${this.name})`
}

class Enable implements Command {
  constructor(
    readonly name: string,
    readonly enabled: boolean,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const operation = this.enabled ? 'AdminEnableUser' : 'AdminDisableUser'
    const result = await outcome(r.cognito.send(operation, { UserPoolId: POOL, Username: this.name }))
    const user = m.users.get(this.name)
    if (!user) return expect(result).toBe('UserNotFoundException: User does not exist.')
    expect(result).toBe('ok')
    user.enabled = this.enabled
  }
  toString = () => `${this.enabled ? 'Enable' : 'Disable'}(${this.name})`
}

class Advance implements Command {
  constructor(readonly seconds: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    m.now += this.seconds
    r.clock.now += this.seconds * 1000
  }
  toString = () => `Advance(${this.seconds})`
}

const name = fc.constantFrom(...NAMES)
const password = fc.constantFrom(...PASSWORDS)
const index = fc.nat({ max: 20 })
const commands = fc.commands(
  [
    fc.tuple(name, password).map(([n, p]) => new SignIn(n, p)),
    index.map((i) => new GetUser(i)),
    index.map((i) => new Refresh(i)),
    index.map((i) => new GlobalSignOut(i)),
    index.map((i) => new Revoke(i)),
    fc.tuple(index, password).map(([i, p]) => new ChangePassword(i, p)),
    name.map((n) => new AdminSignOut(n)),
    fc.tuple(name, fc.boolean()).map(([n, e]) => new Enable(n, e)),
    fc.constantFrom(30, 1800, 3599, 3600, 4000, 15 * 86_400).map((s) => new Advance(s)),
  ],
  { size: '+1' },
)

describe('sign-in against a model', () => {
  it('agrees on tokens, refreshes, sign-outs, revocations and expiry after every sequence', async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const start = Date.UTC(2026, 10, 28, 12)
        const clock = { now: start }
        const cognito = createCognito({ clock: () => clock.now })
        await cognito.seed({
          userPools: [
            {
              PoolName: 'model',
              Id: POOL,
              Clients: [
                {
                  ClientName: 'web',
                  ClientId: CLIENT,
                  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
                },
              ],
              Users: NAMES.map((username) => ({ username, password: PASSWORDS[0] })),
            },
          ],
        })
        const users = new Map(
          NAMES.map((n) => [
            n,
            { password: PASSWORDS[0] as string, enabled: true, failures: 0, lastFailure: -Infinity },
          ]),
        )
        await fc.asyncModelRun(
          () => ({
            model: { now: start / 1000, users, sessions: [] } as Model,
            real: { cognito, clock, tokens: [] },
          }),
          cmds,
        )
      }),
      { numRuns: 40 },
    )
  })
})
