import fc from 'fast-check'

/** Property tests run with this seed unless FC_SEED says otherwise (FC_SEED=random draws one). */
const DEFAULT_SEED = 20_261_128
const fromEnv = process.env['FC_SEED']
const seed = fromEnv === 'random' ? Date.now() % 2 ** 31 : fromEnv ? Number(fromEnv) : DEFAULT_SEED

fc.configureGlobal({ seed, numRuns: 100, endOnFailure: false })
