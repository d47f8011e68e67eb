// Self-signed X.509 certificates, made by pkijs over WebCrypto (Node's and browsers' alike): the pool's SAML signing
// certificate (GetSigningCertificate, signed AuthnRequests) and `serve --https`'s certificate. pkijs is loaded the
// first time one is made, so a simulation that never makes one never loads it.
const libraries = () => Promise.all([import('pkijs'), import('asn1js')])

/** A certificate and its private key, both PEM. */
export interface PemPair {
  /** `-----BEGIN CERTIFICATE-----…` */
  readonly cert: string
  /** `-----BEGIN PRIVATE KEY-----…` (PKCS #8) */
  readonly key: string
}

/** What a self-signed certificate names and how long it lasts. */
export interface CertificateRequest {
  readonly commonName: string
  /** Subject alternative names: host names. */
  readonly dnsNames?: readonly string[] | undefined
  /** Subject alternative names: IPv4 or IPv6 addresses (`127.0.0.1`, `::1`). */
  readonly ips?: readonly string[] | undefined
  readonly days: number
  /** When it starts (default: now), in epoch seconds. */
  readonly notBefore?: number | undefined
}

/** Base64 lines of 64 characters between PEM armour. */
export function pem(label: string, der: ArrayBuffer | Uint8Array): string {
  const bytes = der instanceof Uint8Array ? der : new Uint8Array(der)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  const lines = btoa(binary).match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** The bytes inside PEM armour. */
export function unpem(text: string): Uint8Array {
  const body = text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')
  return Uint8Array.from(atob(body), (c) => c.charCodeAt(0))
}

/** An IP address's bytes (v4 or v6), or undefined. */
function addressBytes(ip: string): Uint8Array | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return Uint8Array.from(ip.split('.').map(Number))
  if (!ip.includes(':')) return undefined
  const [head = '', tail = ''] = ip.split('::')
  const words = (part: string) => (part ? part.split(':').map((w) => Number.parseInt(w, 16)) : [])
  const left = words(head)
  const right = ip.includes('::') ? words(tail) : []
  const all = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right]
  return Uint8Array.from(all.flatMap((w) => [w >> 8, w & 0xff]))
}

/**
 * A new RSA 2048 key and a self-signed certificate for it (SHA-256 with RSA, a random serial, the names asked for
 * as subject alternative names, not a CA).
 */
export async function selfSignedCertificate(request: CertificateRequest): Promise<PemPair> {
  const [pkijs, asn1js] = await libraries()
  const subtle = globalThis.crypto.subtle
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  }
  const keys = (await subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair
  const engine = new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto })
  const cert = new pkijs.Certificate()
  cert.version = 2
  const serial = globalThis.crypto.getRandomValues(new Uint8Array(16))
  // Positive and without a leading zero byte (DER forbids one before a byte below 0x80; OpenSSL then refuses the
  // certificate with "illegal padding": measured 5 of 400 before).
  serial[0] = (serial[0]! & 0x7f) | 0x40
  cert.serialNumber = new asn1js.Integer({ valueHex: serial.buffer })
  const name = () =>
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: request.commonName }) })
  cert.subject.typesAndValues.push(name())
  cert.issuer.typesAndValues.push(name())
  const start = request.notBefore ?? Math.floor(Date.now() / 1000) - 60
  cert.notBefore.value = new Date(start * 1000)
  cert.notAfter.value = new Date((start + request.days * 86_400) * 1000)
  const names = [
    ...(request.dnsNames ?? []).map((value) => new pkijs.GeneralName({ type: 2, value })),
    ...(request.ips ?? []).flatMap((ip) => {
      const bytes = addressBytes(ip)
      return bytes
        ? [new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: bytes.buffer }) })]
        : []
    }),
  ]
  cert.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: false,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
  ]
  if (names.length) {
    const san = new pkijs.GeneralNames({ names })
    cert.extensions.push(
      new pkijs.Extension({ extnID: '2.5.29.17', critical: false, extnValue: san.toSchema().toBER(false) }),
    )
  }
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine)
  await cert.sign(keys.privateKey, 'SHA-256', engine)
  return {
    cert: pem('CERTIFICATE', cert.toSchema(true).toBER(false)),
    key: pem('PRIVATE KEY', await subtle.exportKey('pkcs8', keys.privateKey)),
  }
}
