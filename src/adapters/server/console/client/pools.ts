import type { App, Child, Kit, PoolRef, View } from './types.js'

/** What the pool route gives: the pool as DescribeUserPool has it, and what belongs to it. */
interface PoolSettings {
  readonly pool: Record<string, unknown> & {
    readonly Policies?: { readonly PasswordPolicy?: Record<string, unknown> }
    readonly SchemaAttributes?: ReadonlyArray<Record<string, unknown>>
    readonly LambdaConfig?: Record<string, unknown>
  }
  readonly mfa?: Record<string, unknown>
  readonly clients: ReadonlyArray<Record<string, unknown> & { readonly hostedLogin?: string }>
  readonly providers: ReadonlyArray<Record<string, unknown>>
  readonly groups: ReadonlyArray<Record<string, unknown>>
  readonly domain?: Record<string, unknown>
}

/** The pools by account and region, and the selected pool's settings. */
export function poolsView(k: Kit, app: App, panel: HTMLElement): View {
  const h = k.h
  const list = h('div', { id: 'pools-table' })
  const settings = h('div', { id: 'pool-settings' })
  panel.append(h('h2', null, 'User pools'), list, settings)

  const text = (value: unknown): string =>
    value === undefined || value === null
      ? '—'
      : Array.isArray(value)
        ? value.join(', ') || '—'
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value)
  const facts = (pairs: ReadonlyArray<readonly [string, unknown]>) =>
    h('dl', { class: 'facts' }, ...pairs.flatMap(([n, v]) => [h('dt', null, n), h('dd', null, text(v))]))
  const section = (title: string, ...children: Child[]) => h('section', null, h('h3', null, title), ...children)
  // Tables take the settings' whole width; facts sit side by side.
  const wide = (title: string, ...children: Child[]) =>
    h('section', { class: 'wide' }, h('h3', null, title), ...children)
  const link = (href: string | undefined, label: string): Child =>
    href ? h('a', { href, target: '_blank', rel: 'noopener' }, label) : '—'

  const show = async (pool: PoolRef): Promise<void> => {
    let s: PoolSettings
    try {
      s = await k.get<PoolSettings>('pool', { userPoolId: pool.Id, accountId: pool.accountId, region: pool.region })
    } catch (error) {
      settings.replaceChildren(h('p', { role: 'alert', class: 'error' }, k.refusal(error).message))
      return
    }
    const p = s.pool
    settings.replaceChildren(
      h('h2', { class: 'wide' }, `Settings of ${pool.Name}`),
      section(
        'General',
        facts([
          ['Id', p['Id']],
          ['ARN', p['Arn']],
          ['Username attributes', p['UsernameAttributes']],
          ['Alias attributes', p['AliasAttributes']],
          ['Auto-verified attributes', p['AutoVerifiedAttributes']],
          ['Estimated users', p['EstimatedNumberOfUsers']],
          ['Deletion protection', p['DeletionProtection']],
          ['Created', k.time(p['CreationDate'] as number)],
        ]),
      ),
      section('Password policy', facts(Object.entries(p.Policies?.PasswordPolicy ?? {}))),
      section('MFA', facts(Object.entries(s.mfa ?? { MfaConfiguration: p['MfaConfiguration'] }))),
      wide(
        'Attributes schema',
        h(
          'details',
          null,
          h('summary', null, `${p.SchemaAttributes?.length ?? 0} attributes`),
          k.table(
            'Attributes schema',
            ['Name', 'Type', 'Required', 'Mutable', 'Developer only'],
            (p.SchemaAttributes ?? []).map((a) => [
              String(a['Name']),
              text(a['AttributeDataType']),
              text(a['Required']),
              text(a['Mutable']),
              text(a['DeveloperOnlyAttribute']),
            ]),
            'No attributes.',
          ),
        ),
      ),
      wide(
        'App clients',
        k.table(
          'App clients',
          ['Name', 'Id', 'Secret', 'Auth flows', 'OAuth flows', 'Scopes', 'Callback URLs', 'Hosted login'],
          s.clients.map((c) => [
            text(c['ClientName']),
            h('span', { class: 'mono' }, text(c['ClientId'])),
            c['ClientSecret'] ? 'yes (masked)' : 'no',
            text(c['ExplicitAuthFlows']),
            text(c['AllowedOAuthFlows']),
            text(c['AllowedOAuthScopes']),
            text(c['CallbackURLs']),
            link(c.hostedLogin, `Hosted login of ${text(c['ClientName'])}`),
          ]),
          'No app clients.',
        ),
      ),
      section(
        'Domain',
        s.domain
          ? facts([
              ['Domain', s.domain['Domain']],
              ['Status', s.domain['Status']],
              ['Managed login version', s.domain['ManagedLoginVersion']],
            ])
          : h('p', { class: 'empty' }, 'No domain: the hosted pages need one (CreateUserPoolDomain).'),
      ),
      section(
        'Identity providers',
        k.table(
          'Identity providers',
          ['Name', 'Type'],
          s.providers.map((i) => [text(i['ProviderName']), text(i['ProviderType'])]),
          'No identity providers.',
        ),
      ),
      section(
        'Groups',
        k.table(
          'Groups',
          ['Name', 'Precedence', 'Description', 'Role'],
          s.groups.map((g) => [
            text(g['GroupName']),
            text(g['Precedence']),
            text(g['Description']),
            text(g['RoleArn']),
          ]),
          'No groups.',
        ),
      ),
      section('Triggers configured', facts(Object.entries(p.LambdaConfig ?? {}))),
    )
  }

  return {
    async refresh() {
      const rows = app.pools.map((pool) => [
        pool.accountId,
        pool.region,
        pool.Name,
        h('span', { class: 'mono' }, pool.Id),
        k.time(pool.CreationDate),
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Show the settings of ${pool.Name}`,
            'aria-pressed': String(pool === app.pool),
            onclick: () => app.choose(pool),
          },
          'Settings',
        ),
      ])
      list.replaceChildren(
        k.table(
          'User pools by account and region',
          ['Account', 'Region', 'Name', 'Id', 'Created', 'Actions'],
          rows,
          'No user pools yet.',
        ),
      )
      if (app.pool) await show(app.pool)
      else settings.replaceChildren()
    },
  }
}
