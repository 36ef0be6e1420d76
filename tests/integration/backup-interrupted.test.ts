import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createHost } from '../../electron/host.js';
import { seededDataDir } from '../helpers/backup-fixtures.js';

const CHILD = join(import.meta.dirname, '../helpers/backup-child.ts');
let dir: string;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a backup killed halfway (its process killed while the zip is written) leaves no listed backup', async () => {
  dir = await seededDataDir(3000);
  const folder = join(dir, 'backups');
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

  // Wait until the zip is being written under its temporary name, then pull the plug.
  let partial: string | undefined;
  while (!partial) {
    const names = existsSync(folder) ? readdirSync(folder) : [];
    partial = names.find((name) => name.endsWith('.partial') && statSync(join(folder, name), { throwIfNoEntry: false })?.size);
    if (!partial) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const host = await createHost({ dataDir: dir, backupSchedule: false });
  expect(await host.backups.list()).toEqual([]);
  expect(readdirSync(folder)).toEqual([partial]);
  // The next start clears the leftover (and, never having backed up, backs up at once).
  await host.backups.startSchedule();
  const listed = await host.backups.list();
  expect(listed.map((b) => b.kind)).toEqual(['scheduled']);
  expect(readdirSync(folder)).toEqual([listed[0]!.name]);
  await host.close();
});
