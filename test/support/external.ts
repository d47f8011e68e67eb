/** External programs a test drives (Debian's AWS CLI and boto3), run without blocking the in-process server. */
import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Debian's AWS CLI (package awscli), not one a Python environment put first on PATH. */
export const AWS_CLI = '/usr/bin/aws'
/** Debian's Python, where package python3-boto3 puts boto3. */
export const PYTHON = '/usr/bin/python3'

/** Whether Debian's AWS CLI is installed. */
export const hasAwsCli = existsSync(AWS_CLI)

/** Whether Debian's Python has boto3. */
export const hasBoto3 = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import boto3'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** An environment with fake credentials and no user configuration, so nothing from this machine leaks in. */
export const awsEnv = (region = 'us-east-1'): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: '/nonexistent',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_DEFAULT_REGION: region,
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
})

/** What a finished program printed, and its exit code. */
export interface Finished {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs a program to its end without blocking the event loop (a server in this process must keep answering). */
export function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<Finished> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? ((error as { code?: unknown }).code as number) : 0, stdout, stderr }),
    )
    if (input !== undefined) child.stdin?.end(input)
  })
}
