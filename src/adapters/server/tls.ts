import { X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { join } from 'node:path'
import { selfSignedCertificate } from '../../core/simulation/resources/saml-x509.js'

/** `serve --https`: a certificate of its own (made once per data directory), or one given as PEM text. */
export type HttpsOption = true | { readonly cert: string; readonly key: string }

/** The names a local certificate is made for: what a browser on this machine calls the server. */
const LOCAL_NAMES = { dnsNames: ['localhost'], ips: ['127.0.0.1', '::1'] }

/** How long a made certificate lasts (chosen: 825 days, the longest browsers accept for a server certificate). */
const DAYS = 825

/** Whether a PEM certificate is still valid a day from now. */
function fresh(certPem: string): boolean {
  try {
    return new Date(new X509Certificate(certPem).validTo).getTime() > Date.now() + 86_400_000
  } catch {
    return false
  }
}

/**
 * The certificate and key `serve` listens with: the ones given, or a self-signed one for localhost, 127.0.0.1 and
 * ::1. With a data directory it is kept there (`tls/cert.pem`, `tls/key.pem`, the key readable by its owner only)
 * and made again only when missing or about to expire, so a browser told to trust it once keeps trusting it.
 */
export async function tlsCredentials(
  option: HttpsOption,
  dataDir: string | undefined,
): Promise<{ cert: string; key: string }> {
  if (option !== true) return { cert: option.cert, key: option.key }
  const dir = dataDir === undefined ? undefined : join(dataDir, 'tls')
  if (dir !== undefined && existsSync(join(dir, 'cert.pem')) && existsSync(join(dir, 'key.pem'))) {
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8')
    if (fresh(cert)) return { cert, key: readFileSync(join(dir, 'key.pem'), 'utf8') }
  }
  const made = await selfSignedCertificate({ commonName: 'cognito-idp-contract serve', ...LOCAL_NAMES, days: DAYS })
  if (dir !== undefined) {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    writeFileSync(join(dir, 'key.pem'), made.key, { mode: 0o600 })
    writeFileSync(join(dir, 'cert.pem'), made.cert, { mode: 0o644 })
  }
  return { cert: made.cert, key: made.key }
}

/** An HTTP server, or an HTTPS one with these credentials. */
export function serverFor(tls: { cert: string; key: string } | undefined, listener: RequestListener): Server {
  return tls ? createHttpsServer(tls, listener) : createServer(listener)
}
