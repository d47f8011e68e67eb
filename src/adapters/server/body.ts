import type { IncomingMessage } from 'node:http'

/** The largest API or hosted-page request body read, in bytes (chosen: Cognito's managed login branding operations document a 2 MB request limit, the largest found; no general figure was). */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024
/** The largest control request body read (a snapshot of tens of thousands of users is tens of megabytes; chosen). */
export const MAX_CONTROL_BYTES = 256 * 1024 * 1024

/** A body past its limit: refused before more of it is buffered. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge'
  constructor(readonly limit: number) {
    super(`the request body is larger than ${limit} bytes`)
  }
}

/** Reads a request body as UTF-8, refusing it (BodyTooLarge) as soon as its stated or received length passes `limit`. */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const stated = Number(request.headers['content-length'])
    if (Number.isFinite(stated) && stated > limit) {
      request.resume()
      reject(new BodyTooLarge(limit))
      return
    }
    const chunks: Buffer[] = []
    let received = 0
    request.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > limit) {
        chunks.length = 0
        request.removeAllListeners('data')
        request.resume()
        reject(new BodyTooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
