import { CognitoError } from '../protocol/errors.js'

/** ResourceNotFoundException for a pool, in the words Cognito uses (seen from the live service). */
export function poolNotFound(id: string): CognitoError {
  return new CognitoError('ResourceNotFoundException', `User pool ${id} does not exist.`)
}

/** InvalidParameterException for a rule the schema cannot express. */
export function invalidParameter(message: string): CognitoError {
  return new CognitoError('InvalidParameterException', message)
}
