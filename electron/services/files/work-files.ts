import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Work files: uploads being imported and exports waiting to be downloaded, under <data>/work/<kind>.
 * Each is removed when its job is done; any left behind by a crash are removed once they are a day old.
 */
export type WorkKind = 'imports' | 'exports';

/** How long a work file (or the job holding it) may sit unused before it is swept. */
export const STALE_MS = 24 * 60 * 60 * 1000;

export function workDir(dataDir: string, kind: WorkKind): string {
  const dir = join(dataDir, 'work', kind);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh work file path (and its id); stale files of the kind are swept first. */
export function newWorkFile(dataDir: string, kind: WorkKind, extension: string): { id: string; path: string } {
  const dir = workDir(dataDir, kind);
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
  const id = randomUUID();
  return { id, path: join(dir, `${id}${extension}`) };
}

export function removeWorkFile(path: string): void {
  rmSync(path, { force: true });
}
