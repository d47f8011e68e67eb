export { arbitrary, requestArbitrary, responseArbitrary, sample, type SampleOptions } from './arbitrary.js'
export type { ArbitraryOptions, Presence } from './options.js'
export type { Target } from './targets.js'
export { REGIONS, userPoolArn } from './realism/ids.js'
