import * as Sdk from '@aws-sdk/client-cognito-identity-provider'
import type { OperationName } from '../../schemas/operations.js'

/** A real SDK client pointed at the regional endpoint, without retries (they would blur the tests). */
export function sdkClient(region = 'us-east-1'): Sdk.CognitoIdentityProviderClient {
  return new Sdk.CognitoIdentityProviderClient({
    region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  })
}

type CommandClass = new (
  input: unknown,
) => Sdk.$Command<object, object, Sdk.CognitoIdentityProviderClientResolvedConfig>

/** The SDK's command class for an operation. */
export function commandFor(operation: OperationName): CommandClass {
  const command = (Sdk as unknown as Record<string, CommandClass | undefined>)[`${operation}Command`]
  if (!command) throw new Error(`the SDK has no ${operation}Command`)
  return command
}

/** The SDK's exception class for an error type, if it has one. */
export function exceptionClass(type: string): (new (...args: never[]) => Error) | undefined {
  return (Sdk as unknown as Record<string, (new (...args: never[]) => Error) | undefined>)[type]
}

/** Sends an operation with the real SDK. */
export async function send(
  client: Sdk.CognitoIdentityProviderClient,
  operation: OperationName,
  input: unknown,
): Promise<Record<string, unknown>> {
  const Command = commandFor(operation)
  return (await client.send(new Command(input) as never)) as unknown as Record<string, unknown>
}
