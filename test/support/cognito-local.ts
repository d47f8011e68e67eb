/** cognito-local, the local Cognito most projects use: installed beside the project on demand, pinned so runs compare. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './model.js'

/** The pinned package. */
export const COGNITO_LOCAL = 'cognito-local@5.3.0'
const ANCHORS = join(ROOT, '.tmp', 'anchors')

/** Installs cognito-local under `.tmp/anchors` (once) and returns its start script, or undefined when npm cannot. */
export function installCognitoLocal(): string | undefined {
  const bin = join(ANCHORS, 'node_modules/cognito-local/lib/bin/start.js')
  if (existsSync(bin)) return bin
  try {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', ANCHORS, COGNITO_LOCAL], {
      stdio: 'ignore',
    })
    return bin
  } catch {
    return undefined
  }
}

/** Starts a server process and resolves its endpoint once it prints one. */
export function startProcess(
  command: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, command, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let seen = ''
    const look = (chunk: Buffer) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: pino-pretty colours its lines
      seen += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '')
      const found = /(?:local Cognito on|running on) (http:\/\/[\d.]+:\d+)/.exec(seen)
      if (found) {
        child.stdout?.off('data', look)
        child.stdout?.resume()
        resolve({ url: found[1]!, child })
      }
    }
    child.stdout?.on('data', look)
    child.stderr?.resume()
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited ${code}: ${seen}`)))
  })
}
