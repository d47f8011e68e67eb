import { samplingRate } from './arbitraries.js'
import { signInRates } from './auth.js'
import { bundleSizes } from './bundle.js'
import { sdkRoundTrips } from './sdk.js'
import { serveRates } from './serve.js'
import { validationRate } from './validate.js'

const only = process.argv[2]
console.log(`node ${process.version}, ${new Date().toISOString()}`)
if (!only || only === 'bundle') await bundleSizes()
if (!only || only === 'validate') await validationRate()
if (!only || only === 'arbitraries') samplingRate()
if (!only || only === 'sdk') await sdkRoundTrips()
if (!only || only === 'auth') await signInRates()
if (!only || only === 'serve') await serveRates()
