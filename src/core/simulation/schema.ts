import { clientsTable } from './resources/clients.js'
import { providersTable } from './resources/identity-providers.js'
import { poolsTable } from './resources/user-pools.js'

/**
 * The simulation's tables: every kind of row it keeps, each with its key, the row it belongs to and its
 * indexes. The store snapshots, restores, orders and deletes them by this list alone.
 */
export const TABLES = {
  pools: poolsTable,
  clients: clientsTable,
  providers: providersTable,
}

/** The name of a table. */
export type TableName = keyof typeof TABLES
