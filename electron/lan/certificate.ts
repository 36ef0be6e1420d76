import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { pairingCodeOf } from './pairing-code.js';

export interface LanCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, "AB:CD:…", as TLS clients report it. */
  fingerprint: string;
  pairingCode: string;
}

const KEY_FILE = 'lan-key.pem';
const CERT_FILE = 'lan-cert.pem';
// Colleagues pin this certificate: it must outlive the office's PCs rather than expire and break pairing.
const VALID_YEARS = 20;

export function describeCertificate(key: string, cert: string): LanCertificate {
  const fingerprint = new X509Certificate(cert).fingerprint256;
  return { key, cert, fingerprint, pairingCode: pairingCodeOf(fingerprint) };
}

/**
 * The host's self-signed certificate, generated once in the data folder and kept, so a colleague who
 * paired once stays paired. The key file is readable by its owner only.
 */
export async function loadOrCreateCertificate(dataDir: string): Promise<LanCertificate> {
  mkdirSync(dataDir, { recursive: true });
  const keyPath = join(dataDir, KEY_FILE);
  const certPath = join(dataDir, CERT_FILE);
  if (existsSync(keyPath) && existsSync(certPath)) {
    return describeCertificate(readFileSync(keyPath, 'utf8'), readFileSync(certPath, 'utf8'));
  }
  const now = new Date();
  const notAfterDate = new Date(now);
  notAfterDate.setFullYear(now.getFullYear() + VALID_YEARS);
  const pems = await generate([{ name: 'commonName', value: `Office CRM on ${hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return describeCertificate(pems.private, pems.cert);
}
