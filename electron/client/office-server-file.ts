import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PinnedHost } from '../lan/remote-host.js';

/** In a colleague's data folder: the office host this copy works against, with its pinned certificate. */
const FILE = 'office-server.json';

export function readOfficeServer(dataDir: string): PinnedHost | null {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return null;
  const saved = JSON.parse(readFileSync(path, 'utf8')) as Partial<PinnedHost>;
  if (typeof saved.url !== 'string' || typeof saved.certificate !== 'string' || typeof saved.fingerprint !== 'string') {
    throw new Error(`${path} is damaged: delete it to choose again how this copy works`);
  }
  return { url: saved.url, certificate: saved.certificate, fingerprint: saved.fingerprint };
}

export function writeOfficeServer(dataDir: string, server: PinnedHost): void {
  writeFileSync(join(dataDir, FILE), `${JSON.stringify(server, null, 2)}\n`);
}

export function forgetOfficeServer(dataDir: string): void {
  rmSync(join(dataDir, FILE), { force: true });
}
