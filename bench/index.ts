import { samplingRate } from './arbitraries.js'
import { signInRates } from './auth.js'
import { bundleSizes } from './bundle.js'
import { figures, JSON_OUTPUT } from './measure.js'
import { persistence } from './persist.js'
import { record } from './record.js'
import { sdkRoundTrips } from './sdk.js'
import { serveRates } from './serve.js'
import { startupTimes } from './startup.js'
import { userRates } from './users.js'
import { validationRate } from './validate.js'

const only = process.argv.slice(2).find((a) => !a.startsWith('--'))
if (!JSON_OUTPUT) console.log(`node ${process.version}, ${new Date().toISOString()}`)
if (!only || only === 'bundle') await bundleSizes()
if (!only || only === 'startup') await startupTimes()
if (!only || only === 'validate') await validationRate()
if (!only || only === 'arbitraries') await samplingRate()
if (!only || only === 'sdk') await sdkRoundTrips()
if (!only || only === 'users') await userRates()
if (!only || only === 'auth') await signInRates()
if (!only || only === 'serve') await serveRates()
if (!only || only === 'persist') await persistence()
// A whole run (no group named) with --record is kept in bench/results.json and rendered into the README.
if (!only && process.argv.includes('--record')) record(figures)
if (JSON_OUTPUT)
  console.log(JSON.stringify({ node: process.version, date: new Date().toISOString(), figures }, null, 2))
