import type { Can } from './context.js'
import { fail } from './context.js'

/** ResourceNotFoundException for a pool, in the words Cognito uses (seen from the live service). */
export function poolNotFound(cx: Can<'ResourceNotFoundException'>, id: string) {
  return fail(cx, 'ResourceNotFoundException', `User pool ${id} does not exist.`)
}

/** InvalidParameterException for a rule the schema cannot express. */
export function invalidParameter(cx: Can<'InvalidParameterException'>, message: string) {
  return fail(cx, 'InvalidParameterException', message)
}
