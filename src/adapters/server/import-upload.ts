import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { CognitoMock } from '../../core/mock/mock.js'
import { BodyTooLarge, readBody } from './body.js'

/** Where `serve` takes the files of user import jobs: the path of the pre-signed URLs it gives out. */
export const IMPORT_UPLOAD_PATH = '/_cognito-idp-contract/import/'

/** Seen from Cognito: "The maximum .csv file size is 100 MB." (2023 developer guide); chosen: MiB. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024

/** Whether a request is an upload to a job's pre-signed URL (S3's verb, PUT, on the import path). */
export function isImportUpload(method: string | undefined, path: string): boolean {
  return method === 'PUT' && path.startsWith(IMPORT_UPLOAD_PATH)
}

/**
 * Takes a file uploaded to a job's pre-signed URL, as S3 takes it (`curl --upload-file file -H
 * "x-amz-server-side-encryption:aws:kms" URL`). It is no control request: the URL's signature is its guard, so it needs
 * neither the control header nor the control token; the Host and Origin checks before it still apply. Its body may be
 * as large as Cognito's largest file (the API's 2 MiB limit would refuse most files); a larger one is refused, as it
 * arrives, with S3's EntityTooLarge.
 */
export async function importUpload(
  request: IncomingMessage,
  response: ServerResponse,
  mock: CognitoMock,
): Promise<void> {
  let body: string
  try {
    body = await readBody(request, MAX_IMPORT_BYTES)
  } catch (error) {
    const [status, code, message] =
      error instanceof BodyTooLarge
        ? [400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size']
        : [400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header']
    response
      .writeHead(status, { 'content-type': 'application/xml', connection: 'close' })
      .end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`)
    return
  }
  const scheme = (request.socket as TLSSocket).encrypted ? 'https' : 'http'
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(request.headers)) if (typeof v === 'string') headers[k] = v
  const answer = await mock.handle({
    method: 'PUT',
    url: new URL(request.url ?? '/', `${scheme}://${request.headers.host ?? 'localhost'}`).href,
    headers,
    body,
  })
  response.writeHead(answer.status, answer.headers).end(answer.body)
}
