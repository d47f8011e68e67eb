import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadModel, type ServiceModel } from '../../src/tooling/model/model.js'

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..')
/** The service model the committed schemas were generated from, when this checkout has it. */
export const MODEL_PATH = resolve(
  ROOT,
  process.env['COGNITO_IDP_MODEL'] ?? '../shared/models/cognito-idp/2016-04-18/service-2.json',
)
/** Whether the shared model is present (it is beside the repository, not in it). */
export const HAS_MODEL = existsSync(MODEL_PATH)
// CI has ../shared beside its clone and sets REQUIRE_MODEL, so there the tests that read the model can never be skipped.
if (process.env['REQUIRE_MODEL'] === '1' && !HAS_MODEL)
  throw new Error(`REQUIRE_MODEL is set but the service model is missing at ${MODEL_PATH}`)

let cached: ServiceModel | undefined
/** The shared model, loaded once. */
export function model(): ServiceModel {
  cached ??= loadModel(MODEL_PATH)
  return cached
}

/** The earlier published models beside the current one (`service-2.<date>.json`), when present. */
export const HISTORY_DIR = resolve(ROOT, '../shared/models/cognito-idp/history')
/** Whether the earlier models are present (a clone away from the workplace has none). */
export const HAS_HISTORY = existsSync(HISTORY_DIR)
if (process.env['REQUIRE_MODEL'] === '1' && !HAS_HISTORY)
  throw new Error(`REQUIRE_MODEL is set but the earlier models are missing at ${HISTORY_DIR}`)

/** AWS's published examples beside the model, when present. */
export const EXAMPLES_PATH = resolve(MODEL_PATH, '../../examples.json')
/** Whether the examples file is present. */
export const HAS_EXAMPLES = existsSync(EXAMPLES_PATH)
