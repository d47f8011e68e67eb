// Type-level test (checked by `npm run typecheck`): every generated type equals Static<typeof schema>.
import type { Static } from 'typebox'
import type { Shapes } from '../../generated/types.js'
import type * as schemas from '../../schemas/shapes.js'

/** Strict type identity. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
/** Flattens intersections and mapped forms into a plain object type so identity is structural. */
type Plain<T> = T extends readonly (infer E)[] ? Plain<E>[] : T extends object ? { [K in keyof T]: Plain<T[K]> } : T

type Mismatches = {
  [K in keyof Shapes]: Equal<Plain<Shapes[K]>, Plain<Static<(typeof schemas)[K]>>> extends true ? never : K
}[keyof Shapes]

/** Fails to compile, naming the shapes, if any generated type differs from its schema's Static type. */
export const everyTypeEqualsItsSchema: [Mismatches] extends [never] ? true : Mismatches = true
