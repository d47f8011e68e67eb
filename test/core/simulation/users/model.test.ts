import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Cognito, createCognito } from '../../../../src/core/simulation/index.js'

const POOL = 'us-east-1_Model0001'
const NAMES = ['ann', 'bob', 'cat'] as const
const GROUPS = ['g1', 'g2'] as const
const PASSWORD = 'Correct-Horse-1'

/** The reference: users with status, state, one attribute and groups; the groups that exist. */
interface Model {
  users: Map<string, { status: string; enabled: boolean; givenName: string | undefined; groups: Set<string> }>
  groups: Set<string>
}
interface Real {
  cognito: Cognito
}
type Command = fc.AsyncCommand<Model, Real>

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: Error) => e.name,
  )

class CreateUser implements Command {
  constructor(readonly name: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const error = await failure(
      r.cognito.send('AdminCreateUser', {
        UserPoolId: POOL,
        Username: this.name,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: PASSWORD,
      }),
    )
    if (m.users.has(this.name)) return expect(error).toBe('UsernameExistsException')
    expect(error).toBeUndefined()
    m.users.set(this.name, { status: 'FORCE_CHANGE_PASSWORD', enabled: true, givenName: undefined, groups: new Set() })
  }
  toString = () => `CreateUser(${this.name})`
}

class SetPassword implements Command {
  constructor(
    readonly name: string,
    readonly permanent: boolean,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const error = await failure(
      r.cognito.send('AdminSetUserPassword', {
        UserPoolId: POOL,
        Username: this.name,
        Password: PASSWORD,
        Permanent: this.permanent,
      }),
    )
    const user = m.users.get(this.name)
    if (!user) return expect(error).toBe('UserNotFoundException')
    expect(error).toBeUndefined()
    user.status = this.permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD'
  }
  toString = () => `SetPassword(${this.name}, ${this.permanent})`
}

class Enable implements Command {
  constructor(
    readonly name: string,
    readonly enabled: boolean,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const error = await failure(
      r.cognito.send(this.enabled ? 'AdminEnableUser' : 'AdminDisableUser', { UserPoolId: POOL, Username: this.name }),
    )
    const user = m.users.get(this.name)
    if (!user) return expect(error).toBe('UserNotFoundException')
    expect(error).toBeUndefined()
    user.enabled = this.enabled
  }
  toString = () => `${this.enabled ? 'Enable' : 'Disable'}(${this.name})`
}

class SetGivenName implements Command {
  constructor(
    readonly name: string,
    readonly value: string,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const error = await failure(
      r.cognito.send('AdminUpdateUserAttributes', {
        UserPoolId: POOL,
        Username: this.name,
        UserAttributes: [{ Name: 'given_name', Value: this.value }],
      }),
    )
    const user = m.users.get(this.name)
    if (!user) return expect(error).toBe('UserNotFoundException')
    expect(error).toBeUndefined()
    user.givenName = this.value
  }
  toString = () => `SetGivenName(${this.name}, ${this.value})`
}

class DeleteUser implements Command {
  constructor(readonly name: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const error = await failure(r.cognito.send('AdminDeleteUser', { UserPoolId: POOL, Username: this.name }))
    if (!m.users.has(this.name)) return expect(error).toBe('UserNotFoundException')
    expect(error).toBeUndefined()
    m.users.delete(this.name)
  }
  toString = () => `DeleteUser(${this.name})`
}

class CreateGroup implements Command {
  constructor(readonly group: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const error = await failure(r.cognito.send('CreateGroup', { UserPoolId: POOL, GroupName: this.group }))
    if (m.groups.has(this.group)) return expect(error).toBe('GroupExistsException')
    expect(error).toBeUndefined()
    m.groups.add(this.group)
  }
  toString = () => `CreateGroup(${this.group})`
}

class DeleteGroup implements Command {
  constructor(readonly group: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const error = await failure(r.cognito.send('DeleteGroup', { UserPoolId: POOL, GroupName: this.group }))
    if (!m.groups.has(this.group)) return expect(error).toBe('ResourceNotFoundException')
    expect(error).toBeUndefined()
    m.groups.delete(this.group)
    for (const user of m.users.values()) user.groups.delete(this.group)
  }
  toString = () => `DeleteGroup(${this.group})`
}

class Membership implements Command {
  constructor(
    readonly name: string,
    readonly group: string,
    readonly add: boolean,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const op = this.add ? 'AdminAddUserToGroup' : 'AdminRemoveUserFromGroup'
    const error = await failure(r.cognito.send(op, { UserPoolId: POOL, Username: this.name, GroupName: this.group }))
    if (!m.groups.has(this.group)) return expect(error).toBe('ResourceNotFoundException')
    const user = m.users.get(this.name)
    if (!user) return expect(error).toBe('UserNotFoundException')
    expect(error).toBeUndefined()
    if (this.add) user.groups.add(this.group)
    else user.groups.delete(this.group)
  }
  toString = () => `${this.add ? 'Add' : 'Remove'}(${this.name}, ${this.group})`
}

/** Compares everything the real side lists with the model. */
class Check implements Command {
  check = () => true
  async run(m: Model, r: Real) {
    const users = await r.cognito.send('ListUsers', { UserPoolId: POOL, Limit: 2 }).then(async (first) => {
      const all = [...(first.Users ?? [])]
      let token = first.PaginationToken
      while (token) {
        const page = await r.cognito.send('ListUsers', { UserPoolId: POOL, Limit: 2, PaginationToken: token })
        all.push(...(page.Users ?? []))
        token = page.PaginationToken
      }
      return all
    })
    const real = Object.fromEntries(
      users.map((u) => [
        u.Username!,
        [u.UserStatus, u.Enabled, u.Attributes!.find((a) => a.Name === 'given_name')?.Value],
      ]),
    )
    const expected = Object.fromEntries([...m.users].map(([name, u]) => [name, [u.status, u.enabled, u.givenName]]))
    expect(real).toEqual(expected)
    for (const [name, user] of m.users) {
      const groups = await r.cognito.send('AdminListGroupsForUser', { UserPoolId: POOL, Username: name })
      expect(new Set(groups.Groups!.map((g) => g.GroupName))).toEqual(user.groups)
    }
    for (const group of m.groups) {
      const members = await r.cognito.send('ListUsersInGroup', { UserPoolId: POOL, GroupName: group })
      expect(new Set(members.Users!.map((u) => u.Username))).toEqual(
        new Set([...m.users].filter(([, u]) => u.groups.has(group)).map(([n]) => n)),
      )
    }
    expect((await r.cognito.send('DescribeUserPool', { UserPoolId: POOL })).UserPool!.EstimatedNumberOfUsers).toBe(
      m.users.size,
    )
  }
  toString = () => 'Check'
}

const name = fc.constantFrom(...NAMES)
const group = fc.constantFrom(...GROUPS)
const commands = fc.commands(
  [
    name.map((n) => new CreateUser(n)),
    fc.tuple(name, fc.boolean()).map(([n, p]) => new SetPassword(n, p)),
    fc.tuple(name, fc.boolean()).map(([n, e]) => new Enable(n, e)),
    fc.tuple(name, fc.constantFrom('Ann', 'Bo', 'Cy')).map(([n, v]) => new SetGivenName(n, v)),
    name.map((n) => new DeleteUser(n)),
    group.map((g) => new CreateGroup(g)),
    group.map((g) => new DeleteGroup(g)),
    fc.tuple(name, group, fc.boolean()).map(([n, g, add]) => new Membership(n, g, add)),
    fc.constant(new Check()),
  ],
  { maxCommands: 40, size: 'large' },
)

describe('model-based: users, attributes, groups and statuses against a reference model', () => {
  it('agrees with the model after every sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const cognito = createCognito()
        await cognito.seed({ userPools: [{ PoolName: 'model', Id: POOL }] })
        await fc.asyncModelRun(
          () => ({ model: { users: new Map(), groups: new Set() } as Model, real: { cognito } }),
          [...cmds, new Check()],
        )
      }),
      { numRuns: 60 },
    )
  })
})
