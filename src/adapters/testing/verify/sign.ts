/** Credentials a request is signed with. */
export interface Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string | undefined
}

const encoder = new TextEncoder()

const hex = (bytes: ArrayBuffer): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')

async function sha256(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
}

async function hmac(key: ArrayBuffer | Uint8Array<ArrayBuffer>, text: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return crypto.subtle.sign('HMAC', k, encoder.encode(text))
}

/**
 * The headers of an AWS Signature Version 4 signed `POST /` (awsJson): what real Cognito demands and local
 * providers read their region and account from. WebCrypto only, so it runs in Node and browsers alike.
 */
export async function signedHeaders(
  url: URL,
  region: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  credentials: Credentials,
  now = new Date(),
): Promise<Record<string, string>> {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '')
  const day = amzDate.slice(0, 8)
  const all: Record<string, string> = { ...headers, host: url.host, 'x-amz-date': amzDate }
  if (credentials.sessionToken) all['x-amz-security-token'] = credentials.sessionToken
  const names = Object.keys(all)
    .map((n) => n.toLowerCase())
    .sort()
  const lower = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v.trim()]))
  const canonical = [
    'POST',
    url.pathname || '/',
    '',
    ...names.map((n) => `${n}:${lower[n]}`),
    '',
    names.join(';'),
    await sha256(body),
  ].join('\n')
  const scope = `${day}/${region}/cognito-idp/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256(canonical)].join('\n')
  let key = await hmac(encoder.encode(`AWS4${credentials.secretAccessKey}`), day)
  for (const part of [region, 'cognito-idp', 'aws4_request']) key = await hmac(key, part)
  const signature = hex(await hmac(key, toSign))
  const { host: _host, ...rest } = all
  return {
    ...rest,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  }
}
