import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HAS_MODEL, MODEL_PATH, ROOT } from '../../support/model.js'

const older = join(MODEL_PATH, '../../history/service-2.2026-07-24.json')

describe.skipIf(!HAS_MODEL || !existsSync(older))(
  'npm run schemas (needs the model in ../shared/models, the earlier models in ../shared/models/cognito-idp/history)',
  () => {
    it('prints what changed between the committed contract and the model it imports (here, the one before, without writing)', () => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/tooling/importer/main.ts'), '--check', '--model', older],
        { cwd: ROOT, encoding: 'utf8' },
      )
      expect(run.stdout).toMatch(
        /^\d{4}\/\d{2}\/\d{2} - Amazon Cognito Identity Provider - 3 removed api methods\n\nAdminDeleteSoftwareToken \(removed\)\n\nDescribeTermsByClient \(removed\)\n\nGetClientToken \(removed\)/,
      )
      expect(run.stdout).toContain('suggested version bump: major')
      expect(run.status).toBe(1)
    })

    it('says so when the model matches the committed contract', () => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/tooling/importer/main.ts'), '--check'],
        { cwd: ROOT, encoding: 'utf8' },
      )
      expect(run.stdout).toContain('The model matches the committed contract: no API changes.')
      expect(run.status).toBe(0)
    })
  },
)
