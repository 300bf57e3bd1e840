/**
 * The self-signed certificate of `tusoi serve --https` (migration step 11):
 * one row, replaced when a new certificate is made. The private key is read
 * only by `serve --https` (to hand it to the TLS server), never by an export,
 * a report or a log.
 */
import type { Db } from './db.js';

export interface StoredCertificate {
  /** DER. */
  readonly certificate: Buffer;
  /** PKCS #8, DER. */
  readonly privateKey: Buffer;
  /** The IP addresses it was made for (its subjectAltName). */
  readonly hosts: ReadonlyArray<string>;
  readonly notAfter: string;
  readonly createdAt: string;
}

export function loadCertificate(db: Db): StoredCertificate | undefined {
  const row = db
    .prepare<[], { certificate: Buffer; private_key: Buffer; hosts: string; not_after: string; created_at: string }>('SELECT certificate, private_key, hosts, not_after, created_at FROM web_certificate WHERE id = 1')
    .get();
  return row ? { certificate: row.certificate, privateKey: row.private_key, hosts: JSON.parse(row.hosts) as string[], notAfter: row.not_after, createdAt: row.created_at } : undefined;
}

export function saveCertificate(db: Db, c: StoredCertificate): void {
  db.prepare(
    `INSERT INTO web_certificate (id, certificate, private_key, hosts, not_after, created_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET certificate = excluded.certificate, private_key = excluded.private_key, hosts = excluded.hosts, not_after = excluded.not_after, created_at = excluded.created_at`,
  ).run(c.certificate, c.privateKey, JSON.stringify(c.hosts), c.notAfter, c.createdAt);
}
