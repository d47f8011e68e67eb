import type { OperationName } from '../../../schemas/operations.js'
import { seededRandom } from '../shared/random.js'
import { type Cognito, createCognito } from '../simulation/cognito.js'
import type { Fixtures } from '../simulation/fixtures.js'
import { GeneratedResponses } from './generated.js'
import type { CognitoMockOptions, ResponseMode } from './options.js'

/** What createCognitoMock takes: the public options, and a simulation an adapter already holds. */
export type MockOptions = CognitoMockOptions & {
  readonly simulation?: Cognito | undefined
  /** The simulation already holds what the fixtures create (loaded from a data directory): seed them only on reset(). */
  readonly seeded?: boolean | undefined
}

/** The options resolved: defaults filled in, and the parts they make (the simulation, generated data, randomness). */
export interface MockSetup {
  readonly mode: ResponseMode
  readonly simulation: Cognito
  readonly fixtures: Fixtures | undefined
  readonly generated: GeneratedResponses
  /** One random source, from the seed, for both injected faults and latency. */
  readonly random: () => number
  /** Whether the include/exclude options leave an operation to these handlers. */
  readonly served: (op: OperationName) => boolean
  readonly log: ((line: string) => void) | undefined
}

/** Resolves the options: the simulation is made from them unless one is handed in. */
export function resolveOptions(options: MockOptions): MockSetup {
  const seed = options.seed ?? 0
  const simulation =
    options.simulation ??
    createCognito({
      seed,
      reproducibleSecrets: options.reproducibleSecrets,
      lambdas: options.lambdas,
      lambdaTimeout: options.lambdaTimeout,
      rateLimits: options.rateLimits,
    })
  const include = options.include ? new Set(options.include) : undefined
  const exclude = new Set(options.exclude ?? [])
  return {
    mode: options.mode ?? 'auto',
    simulation,
    fixtures: options.fixtures,
    generated: new GeneratedResponses(seed, { presence: 'full', ...options.generated }),
    random: seededRandom(seed),
    served: (op) => (!include || include.has(op)) && !exclude.has(op),
    log: options.log === true ? (line: string) => console.info(line) : options.log || undefined,
  }
}

/** Seeds the fixtures into the simulation (at once when there are none); a failure waits for `ready` to report it. */
export function seedFixtures(simulation: Cognito, fixtures: Fixtures | undefined): Promise<void> {
  const ready = fixtures ? simulation.seed(fixtures).then(() => undefined) : Promise.resolve()
  ready.catch(() => undefined)
  return ready
}
