import type { Cognito } from '../../../core/simulation/index.js'
import type { Place } from './pool-routes.js'
import type { SignIns } from './sign-ins.js'

/** What the users route reads from its query: ListUsers' own members. */
export interface UsersQuery {
  readonly userPoolId: string
  readonly filter?: string | undefined
  readonly limit?: number | undefined
  readonly paginationToken?: string | undefined
}

/** A user's MFA and sign-in factors (a passkey among them): AdminGetUserAuthFactors, else AdminGetUser's MFA. */
async function factorsOf(simulation: Cognito, UserPoolId: string, Username: string, call: Place) {
  try {
    return await simulation.send('AdminGetUserAuthFactors', { UserPoolId, Username }, call)
  } catch {
    return simulation.send('AdminGetUser', { UserPoolId, Username }, call).catch(() => undefined)
  }
}

/**
 * A page of a pool's users (ListUsers, with its filter and token), each with its groups (AdminListGroupsForUser),
 * MFA and whether it has a passkey (AdminGetUserAuthFactors), devices (AdminListDevices) and the last sign-in this
 * server saw. ListUsers' refusals (a filter it cannot read) reach the caller with Cognito's message.
 */
export async function listUsers(simulation: Cognito, signIns: SignIns, query: UsersQuery, place: Place) {
  const call = { account: place.account, region: place.region }
  const UserPoolId = query.userPoolId
  const page = await simulation.send(
    'ListUsers',
    {
      UserPoolId,
      Limit: query.limit ?? 20,
      ...(query.filter && { Filter: query.filter }),
      ...(query.paginationToken && { PaginationToken: query.paginationToken }),
    },
    call,
  )
  const users = []
  for (const user of page.Users ?? []) {
    const Username = user.Username!
    // A user deleted between the list and these reads is shown as listed.
    const [groups, got, devices] = await Promise.all([
      simulation.send('AdminListGroupsForUser', { UserPoolId, Username, Limit: 60 }, call).catch(() => undefined),
      factorsOf(simulation, UserPoolId, Username, call),
      simulation.send('AdminListDevices', { UserPoolId, Username, Limit: 60 }, call).catch(() => undefined),
    ])
    users.push({
      ...user,
      groups: (groups?.Groups ?? []).map((g) => g.GroupName!),
      mfa: { preferred: got?.PreferredMfaSetting, enabled: got?.UserMFASettingList ?? [] },
      passkey: (got as { ConfiguredUserAuthFactors?: string[] } | undefined)?.ConfiguredUserAuthFactors?.includes(
        'WEB_AUTHN',
      ),
      devices: devices?.Devices?.length ?? 0,
      lastSignIn: signIns.of(UserPoolId, Username),
    })
  }
  return { users, ...(page.PaginationToken && { paginationToken: page.PaginationToken }) }
}
