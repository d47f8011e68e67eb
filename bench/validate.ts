import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validate } from '../src/core/validate/validate.js'
import { ROOT } from '../test/support/model.js'
import { perSecond, report } from './measure.js'

/** Validations per second of realistic values, valid and invalid. */
export function validationRate(): void {
  const examples = JSON.parse(readFileSync(join(ROOT, '../shared/models/cognito-idp/examples.json'), 'utf8')) as Record<
    string,
    Array<{ input: unknown; output: unknown }>
  >
  const pool = examples['CreateUserPool']![0]!
  const rows: Array<[string, string]> = [
    [
      'CreateUserPool request (valid)',
      `${perSecond(() => validate('CreateUserPool', 'request', pool.input)).toLocaleString('en')} /s`,
    ],
    [
      'CreateUserPool response (valid)',
      `${perSecond(() => validate('CreateUserPool', 'response', pool.output)).toLocaleString('en')} /s`,
    ],
    [
      'AdminGetUser request (3 errors)',
      `${perSecond(() => validate('AdminGetUser', 'request', { UserPoolId: ' x', Username: '' })).toLocaleString('en')} /s`,
    ],
  ]
  report('Validation', rows)
}
