import type { ClientRow } from './clients.js'

/** Whether the app client hides whether users exist (PreventUserExistenceErrors ENABLED; LEGACY reveals it). */
export function hidesUsers(client: ClientRow): boolean {
  return client.client.PreventUserExistenceErrors === 'ENABLED'
}

/** Cognito's UserNotFoundException message for public operations that take a ClientId (seen from Cognito with LEGACY). */
export const CLIENT_USER_NOT_FOUND = 'Username/client id combination not found.'
