import type { Partition as EnginePartition, Store as EngineStore, TablesOf } from './engine/store.js'
import { authCodesTable, federationsTable, hostedSessionsTable } from './hosted/state.js'
import { authEventsTable } from './resources/auth-events.js'
import { clientSecretsTable } from './resources/client-secrets.js'
import { clientsTable } from './resources/clients.js'
import { devicesTable } from './resources/devices.js'
import { domainsTable } from './resources/domains.js'
import { groupsTable, membershipsTable } from './resources/groups.js'
import { providersTable } from './resources/identity-providers.js'
import { importFilesTable, importJobsTable, importLogsTable } from './resources/import-jobs.js'
import { keysTable } from './resources/keys.js'
import { provisionedLimitsTable } from './resources/limits.js'
import { linksTable } from './resources/links.js'
import { logDeliveryTable } from './resources/log-delivery.js'
import { brandingTable } from './resources/managed-login-branding.js'
import { messagesTable } from './resources/messages.js'
import { refreshTokensTable } from './resources/refresh-tokens.js'
import { replicasTable } from './resources/replicas.js'
import { resourceServersTable } from './resources/resource-servers.js'
import { riskConfigurationsTable } from './resources/risk-configurations.js'
import { compromisedPasswordsTable, riskOverridesTable } from './resources/risk-controls.js'
import { samlAssertionsTable, samlKeysTable } from './resources/saml-keys.js'
import { samlSessionsTable } from './resources/saml-sessions.js'
import { sessionsTable } from './resources/sessions.js'
import { socialAccountsTable } from './resources/social-accounts.js'
import { termsTable } from './resources/terms.js'
import { uiCustomizationsTable } from './resources/ui-customization.js'
import { poolsTable } from './resources/user-pools.js'
import { usersTable } from './resources/users.js'
import { webauthnMfaTable, webauthnPoolsTable } from './resources/webauthn-config.js'
import { webauthnCredentialsTable } from './resources/webauthn-credentials.js'
import { webauthnRegistrationsTable } from './resources/webauthn-registrations.js'

/**
 * The simulation's tables: every kind of row it keeps, each with its key, the rows it belongs to and its
 * indexes. The store snapshots, restores, orders and deletes them by this list alone.
 */
export const TABLES = {
  pools: poolsTable,
  clients: clientsTable,
  providers: providersTable,
  users: usersTable,
  groups: groupsTable,
  memberships: membershipsTable,
  messages: messagesTable,
  keys: keysTable,
  sessions: sessionsTable,
  refreshTokens: refreshTokensTable,
  devices: devicesTable,
  domains: domainsTable,
  resourceServers: resourceServersTable,
  authCodes: authCodesTable,
  hostedSessions: hostedSessionsTable,
  federations: federationsTable,
  links: linksTable,
  authEvents: authEventsTable,
  riskConfigurations: riskConfigurationsTable,
  riskOverrides: riskOverridesTable,
  compromisedPasswords: compromisedPasswordsTable,
  webauthnPools: webauthnPoolsTable,
  webauthnMfa: webauthnMfaTable,
  webauthnCredentials: webauthnCredentialsTable,
  webauthnRegistrations: webauthnRegistrationsTable,
  importJobs: importJobsTable,
  importFiles: importFilesTable,
  importLogs: importLogsTable,
  socialAccounts: socialAccountsTable,
  samlKeys: samlKeysTable,
  samlAssertions: samlAssertionsTable,
  samlSessions: samlSessionsTable,
  clientSecrets: clientSecretsTable,
  logDelivery: logDeliveryTable,
  provisionedLimits: provisionedLimitsTable,
  replicas: replicasTable,
  terms: termsTable,
  brandings: brandingTable,
  uiCustomizations: uiCustomizationsTable,
}

/** The name of a table. */
export type TableName = keyof typeof TABLES
/** The simulation's store: the engine's, over these tables. */
export type Store = EngineStore<typeof TABLES>
/** The tables of one (account, region) partition, typed by this schema. */
export type Tables = TablesOf<typeof TABLES>
/** One account's resources in one region, over these tables. */
export type Partition = EnginePartition<typeof TABLES>
