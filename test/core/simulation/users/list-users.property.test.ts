import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCognito } from '../../../../src/core/simulation/index.js'

const POOL = 'us-east-1_Filter001'
const letters = fc.constantFrom('a', 'A', 'b', 'B', 'é', ' ')
const text = fc.string({ unit: letters, minLength: 1, maxLength: 4 })

interface Person {
  readonly email: string
  readonly givenName: string
  readonly status: 'CONFIRMED' | 'UNCONFIRMED'
  readonly enabled: boolean
}
const person = fc.record<Person>({
  email: text.map((t) => `${t.replaceAll(' ', '_')}@example.com`),
  givenName: text,
  status: fc.constantFrom('CONFIRMED', 'UNCONFIRMED'),
  enabled: fc.boolean(),
})

/** The reference: what the documentation says a filter matches, written out plainly. */
function reference(people: readonly Person[], attribute: string, prefix: boolean, value: string): string[] {
  const valueFor = (p: Person, i: number): string =>
    attribute === 'username'
      ? `user${i}`
      : attribute === 'email'
        ? p.email
        : attribute === 'given_name'
          ? p.givenName
          : attribute === 'status'
            ? p.enabled
              ? 'Enabled'
              : 'Disabled'
            : p.status
  const caseSensitive = attribute === 'username' || attribute === 'status'
  const norm = (s: string) => (caseSensitive ? s : s.toLowerCase())
  return people
    .map((p, i) => ({ name: `user${i}`, value: norm(valueFor(p, i)), i }))
    .filter((x) => (prefix ? x.value.startsWith(norm(value)) : x.value === norm(value)))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.i - b.i))
    .map((x) => x.name)
}

describe('ListUsers filters against a reference filter', () => {
  it('returns exactly the users the reference matches, in its order, across pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 8 }).chain((people) =>
          fc.tuple(
            fc.constant(people),
            fc.constantFrom('username', 'email', 'given_name', 'status', 'cognito:user_status'),
            fc.boolean(),
            // Mostly a value some user has, cut short and with its case changed, so that filters match often.
            fc
              .oneof(
                {
                  arbitrary: fc.tuple(
                    fc.constantFrom(...people.flatMap((p) => [p.email, p.givenName, p.status.toLowerCase()])),
                    fc.nat(6),
                    fc.boolean(),
                  ),
                  weight: 4,
                },
                {
                  arbitrary: fc.tuple(
                    fc.oneof(text, fc.constantFrom('Enabled', 'Disabled', 'user1', 'User1')),
                    fc.constant(99),
                    fc.constant(false),
                  ),
                  weight: 1,
                },
              )
              .map(([v, cut, flip]) => (flip ? v.toUpperCase() : v).slice(0, cut)),
            fc.integer({ min: 1, max: 3 }),
          ),
        ),
        async ([people, attribute, prefix, value, limit]) => {
          const cognito = createCognito()
          await cognito.seed({
            userPools: [{ PoolName: 'filters', Id: POOL }],
            users: people.map((p, i) => ({
              userPoolId: POOL,
              username: `user${i}`,
              password: 'Correct-Horse-1',
              status: p.status,
              enabled: p.enabled,
              attributes: { email: p.email, given_name: p.givenName },
            })),
          })
          const Filter = `${attribute} ${prefix ? '^=' : '='} "${value.replaceAll('"', '\\"')}"`
          const names: string[] = []
          let token: string | undefined
          do {
            const page = await cognito.send('ListUsers', {
              UserPoolId: POOL,
              Filter,
              Limit: limit,
              ...(token && { PaginationToken: token }),
            })
            names.push(...page.Users!.map((u) => u.Username!))
            token = page.PaginationToken
          } while (token)
          expect(names).toEqual(reference(people, attribute, prefix, value))
        },
      ),
      { numRuns: 150 },
    )
  })
})
