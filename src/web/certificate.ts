/**
 * The self-signed certificate of `tusoi serve --https`: made on first use
 * with @peculiar/x509 (ECDSA P-256 through WebCrypto; node:crypto can read
 * certificates but not make them), kept in the database with its private
 * key (step 11), and reused while it names every served address and is not
 * within RENEW_BEFORE_DAYS of expiry; otherwise a new one replaces it and
 * the caller says so on screen (members who compared the old fingerprint
 * must compare again, and printed slips show the old one).
 *
 * Reusing reads the stored certificate with node:crypto alone: the library
 * (and its Reflect shim) is loaded only when a certificate is made.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import type { Db } from '../store/db.js';
import { loadCertificate, saveCertificate, type StoredCertificate } from '../store/web-certificate.js';

/** Long enough for a meeting season (a year of meetings), short enough that a lost laptop's key ages out. */
export const VALIDITY_DAYS = 365;
/** A certificate this close to its end is replaced before a meeting rather than during one. */
export const RENEW_BEFORE_DAYS = 30;
const DAY = 86_400_000;

export interface Fingerprint {
  /** SHA-256 of the certificate as browsers show it: 32 colon-separated upper-case hex pairs. */
  readonly sha256: string;
  /** Its first 8 pairs, space-separated: what a member compares on the phone. */
  readonly short: string;
}

export interface ServedCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  readonly fingerprint: Fingerprint;
  /** base64 of the SHA-256 of the public key (SPKI): what Chromium's --ignore-certificate-errors-spki-list pins. */
  readonly spkiSha256: string;
  readonly hosts: ReadonlyArray<string>;
  readonly notAfter: Date;
  /** `new`: the first; `renewed`: replaced one that no longer fit (`reason`); `reused`: the stored one. */
  readonly status: 'new' | 'renewed' | 'reused';
  readonly reason?: 'hosts' | 'expiry';
}

export function fingerprintOf(der: Uint8Array): Fingerprint {
  const pairs = createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!;
  return { sha256: pairs.join(':'), short: pairs.slice(0, 8).join(' ') };
}

/** Whether a stored certificate still serves `hosts` at `now`, and if not, why. */
export function certificateFits(stored: StoredCertificate, hosts: ReadonlyArray<string>, now: Date): 'ok' | 'hosts' | 'expiry' {
  const cert = new X509Certificate(stored.certificate);
  const named = (cert.subjectAltName ?? '').split(', ').flatMap((s) => (s.startsWith('IP Address:') ? [normaliseIp(s.slice('IP Address:'.length))] : []));
  if (!hosts.every((h) => named.includes(normaliseIp(h)))) return 'hosts';
  if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY || new Date(cert.validFrom).getTime() > now.getTime()) return 'expiry';
  return 'ok';
}

/** node:crypto writes IPv6 in full (0:0:0:0:0:0:0:1); compare addresses, not spellings. */
function normaliseIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
}

function served(stored: StoredCertificate, status: ServedCertificate['status'], reason?: ServedCertificate['reason']): ServedCertificate {
  const cert = new X509Certificate(stored.certificate);
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  return {
    certPem: cert.toString(),
    keyPem: createPrivateKey({ key: stored.privateKey, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }) as string,
    fingerprint: fingerprintOf(stored.certificate),
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
    hosts: stored.hosts,
    notAfter: new Date(cert.validTo),
    status,
    ...(reason ? { reason } : {}),
  };
}

/** Makes a new self-signed certificate for `hosts` (IP addresses), valid VALIDITY_DAYS from `now`. */
export async function makeCertificate(hosts: ReadonlyArray<string>, now: Date): Promise<StoredCertificate> {
  (await import('./reflect-shim.js')).installReflectMetadata();
  const x509 = await import('@peculiar/x509');
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await globalThis.crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const serial = globalThis.crypto.getRandomValues(new Uint8Array(16));
  serial[0]! &= 0x7f;
  const notAfter = new Date(now.getTime() + VALIDITY_DAYS * DAY);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(serial).toString('hex'),
    name: 'CN=tusoi serve',
    // A day early: a phone whose clock is a little behind must not call it "not yet valid".
    notBefore: new Date(now.getTime() - DAY),
    notAfter,
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.SubjectAlternativeNameExtension(hosts.map((h) => ({ type: 'ip' as const, value: h }))),
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ],
  });
  const privateKey = Buffer.from(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { certificate: Buffer.from(cert.rawData), privateKey, hosts: [...hosts], notAfter: notAfter.toISOString(), createdAt: now.toISOString() };
}

/** The certificate to serve `hosts` with: the stored one if it fits, else a new one (stored). */
export async function ensureCertificate(db: Db, hosts: ReadonlyArray<string>, now: Date, make: typeof makeCertificate = makeCertificate): Promise<ServedCertificate> {
  const stored = loadCertificate(db);
  const fits = stored ? certificateFits(stored, hosts, now) : undefined;
  if (stored && fits === 'ok') return served(stored, 'reused');
  const fresh = await make(hosts, now);
  saveCertificate(db, fresh);
  return stored ? served(fresh, 'renewed', fits as 'hosts' | 'expiry') : served(fresh, 'new');
}
