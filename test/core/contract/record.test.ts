import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { service } from '../../../schemas/service.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { readContract, writeContract } from '../../../src/core/contract/file.js'
import { ContractRecorder, mergeContracts, parseContract } from '../../../src/core/contract/index.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'contract-'))
  dirs.push(d)
  return d
}

describe('ContractRecorder', () => {
  it('records request and response members by path, lists and maps transparent', () => {
    const recorder = new ContractRecorder({ consumer: 'web' })
    recorder.add(
      'AdminCreateUser',
      {
        UserPoolId: 'eu-west-1_abc',
        Username: 'jane',
        UserAttributes: [
          { Name: 'email', Value: 'jane@example.com' },
          { Name: 'name', Value: 'Jane' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
        ClientMetadata: { source: 'web' },
      },
      { User: { Username: 'jane', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true } },
    )
    const { operations, models, consumer } = recorder.contract()
    expect(consumer).toBe('web')
    expect(models).toEqual([service.modelSha256])
    const op = operations['AdminCreateUser']!
    expect(Object.keys(op.request)).toEqual([
      'ClientMetadata',
      'ClientMetadata{}',
      'DesiredDeliveryMediums',
      'DesiredDeliveryMediums[]',
      'UserAttributes',
      'UserAttributes[]',
      'UserAttributes[].Name',
      'UserAttributes[].Value',
      'UserPoolId',
      'Username',
    ])
    expect(op.request['UserAttributes']).toMatchObject({ kind: 'list', count: 1, least: 2, most: 2 })
    expect(op.request['UserAttributes[].Name']).toMatchObject({
      count: 2,
      least: 4,
      most: 5,
      samples: ['email', 'name'],
    })
    expect(op.request['DesiredDeliveryMediums[]']).toMatchObject({ kind: 'enum', values: ['EMAIL'] })
    expect(op.response['User.UserStatus']).toMatchObject({
      kind: 'enum',
      values: ['FORCE_CHANGE_PASSWORD'],
      required: false,
    })
    expect(op.requestMembers).toContain('TemporaryPassword')
    expect(op.modelledErrors).toContain('UsernameExistsException')
  })

  it('keeps lengths of sensitive values but never the values', () => {
    const recorder = new ContractRecorder()
    recorder.add(
      'SignUp',
      { ClientId: 'c', Username: 'jane', Password: 'Secret-1234' },
      undefined,
      'UsernameExistsException',
    )
    const op = recorder.contract().operations['SignUp']!
    expect(op.request['Password']).toMatchObject({ least: 11, most: 11 })
    expect(op.request['Password']!.samples).toBeUndefined()
    expect(JSON.stringify(op)).not.toContain('Secret-1234')
    expect(op.errors).toEqual({ UsernameExistsException: 1 })
    expect(op.response).toEqual({})
  })

  it('ignores operations the contract does not have', () => {
    const recorder = new ContractRecorder()
    recorder.add('NoSuchOperation', {})
    expect(recorder.contract().operations).toEqual({})
  })
})

describe('mergeContracts', () => {
  it('adds counts, widens extents and joins values', () => {
    const a = new ContractRecorder()
    a.add('ListUsers', { UserPoolId: 'us-east-1_a', Limit: 5 }, { Users: [] })
    const b = new ContractRecorder({ consumer: 'api' })
    b.add('ListUsers', { UserPoolId: 'us-east-1_b', Limit: 60, Filter: 'email = "x"' }, { Users: [] })
    const merged = mergeContracts([a.contract(), b.contract()])
    const op = merged.operations['ListUsers']!
    expect(merged.consumer).toBe('api')
    expect(op.calls).toBe(2)
    expect(op.request['Limit']).toMatchObject({ count: 2, least: 5, most: 60 })
    expect(op.request['UserPoolId']!.samples).toEqual(['us-east-1_a', 'us-east-1_b'])
    expect(op.request['Filter']!.count).toBe(1)
    expect(mergeContracts([merged])).toEqual(merged)
  })

  it('refuses what is not a contract, in one line', () => {
    expect(() => parseContract({ hello: 1 }, 'x.json')).toThrow(
      'x.json is not a consumer contract (its "format" is not "cognito-idp-contract/consumer")',
    )
    expect(() => parseContract({ format: 'cognito-idp-contract/consumer', version: 2 }, 'x.json')).toThrow(
      'x.json has contract version 2; this package reads version 1',
    )
  })
})

describe('recording through the adapters', () => {
  const client = (handler?: ReturnType<typeof cognitoRequestHandler>) =>
    new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
      ...(handler && { requestHandler: handler }),
    })

  it('the in-process handler records across reset() and needs the option to record at all', async () => {
    const handler = cognitoRequestHandler({ contract: true })
    await client(handler).send(new CreateUserPoolCommand({ PoolName: 'a' }))
    handler.reset()
    await client(handler).send(new CreateUserPoolCommand({ PoolName: 'b', MfaConfiguration: 'OFF' }))
    expect(handler.contract().operations['CreateUserPool']!.calls).toBe(2)
    expect(() => cognitoRequestHandler().contract()).toThrow(
      'cognito-idp-contract: contract() needs the contract option (contract: true, or { consumer, file })',
    )
  })

  it('msw/node writes the file on close, merged with what it holds, without counting a call twice', async () => {
    const file = join(tmp(), 'cognito-contract.json')
    const earlier = new ContractRecorder()
    earlier.add('CreateUserPool', { PoolName: 'earlier' }, { UserPool: { Id: 'us-east-1_x' } })
    writeContract(file, earlier.contract())
    const { server } = setupCognitoServer({ contract: { file, consumer: 'web' } })
    server.listen()
    const pool = await client().send(new CreateUserPoolCommand({ PoolName: 'now' }))
    const clientId = 'x'.repeat(26)
    await client()
      .send(new SignUpCommand({ ClientId: clientId, Username: 'jane', Password: 'Secret-1234' }))
      .catch(() => undefined)
    server.close()
    server.close()
    const written = readContract(file)
    expect(pool.UserPool?.Id).toBeDefined()
    expect(written.operations['CreateUserPool']!.calls).toBe(2)
    expect(written.operations['SignUp']!.errors).toEqual({ ResourceNotFoundException: 1 })
    expect(written.consumer).toBe('web')
    expect(readFileSync(file, 'utf8')).not.toContain('Secret-1234')
  })

  it('a file that is not a contract is refused, not overwritten', () => {
    const file = join(tmp(), 'cognito-contract.json')
    writeFileSync(file, '{"format":"something-else"}')
    expect(() => writeContract(file, new ContractRecorder().contract())).toThrow(/is not a consumer contract/)
    expect(readFileSync(file, 'utf8')).toBe('{"format":"something-else"}')
  })
})
