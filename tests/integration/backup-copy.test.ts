import { closeSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backUpDatabase, checkIntegrity, type BackupCopyProgress } from '../../db/backup.js';
import { tempDir } from '../helpers/test-host.js';

const dir = tempDir('crm-check-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A WAL database with two tables and an index, as the app's file is. */
function databaseWithRows(name: string, rows: number): string {
  const file = join(dir, name);
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX customers_name ON customers (name); CREATE TABLE tags (tag TEXT)');
  const insert = db.prepare('INSERT INTO customers (name) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`客户${i}`.repeat(20));
  })();
  db.close();
  return file;
}

const DAMAGE = /malformed|corrupt|wrong|page|btree|never used|invalid/i;

/** A database with garbage written over a stretch of pages past the schema. */
function damaged(name: string): string {
  const file = databaseWithRows(name, 2000);
  const fd = openSync(file, 'r+');
  const garbage = Buffer.alloc(4096 * 8, 0x5a);
  writeSync(fd, garbage, 0, garbage.length, Math.floor(statSync(file).size / 2));
  closeSync(fd);
  return file;
}

const problemsOf = (check: Promise<{ problems: string[] }>) =>
  check.then(
    (result) => result.problems.join(' '),
    (error: Error) => error.message,
  );

describe('the backup copy, made and checked on a worker thread', () => {
  it('copies a database to one settled file, reports its progress, and counts its rows', async () => {
    const file = databaseWithRows('sound.sqlite', 20_000);
    const phases: BackupCopyProgress['phase'][] = [];
    const check = await backUpDatabase(file, join(dir, 'sound-copy.sqlite'), (progress) => phases.push(progress.phase));
    expect(check).toEqual({ problems: [], rowCounts: { customers: 20_000, tags: 0 } });
    expect(phases[0]).toBe('copying');
    expect(phases.at(-1)).toBe('checking');
    const copy = new SQLite(join(dir, 'sound-copy.sqlite'), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('takes one snapshot while the app keeps writing on its own connection', async () => {
    const file = databaseWithRows('busy.sqlite', 20_000);
    const app = new SQLite(file);
    const insert = app.prepare('INSERT INTO tags (tag) VALUES (?)');
    // Tags go in ten per transaction: a copy that mixed two moments would hold a count not divisible by ten.
    let writes = 0;
    const writer = setInterval(() => {
      app.transaction(() => {
        for (let i = 0; i < 10; i++) insert.run(`标签${writes}`);
      })();
      writes++;
    }, 1);
    try {
      const check = await backUpDatabase(file, join(dir, 'busy-copy.sqlite'), () => {});
      expect(check.problems).toEqual([]);
      expect(check.rowCounts.customers).toBe(20_000);
      expect(check.rowCounts.tags! % 10).toBe(0);
      expect(writes).toBeGreaterThan(0);
    } finally {
      clearInterval(writer);
      app.close();
    }
  });

  it('reports the damage quick_check finds in a database whose pages were overwritten', async () => {
    const file = damaged('damaged.sqlite');
    expect(await problemsOf(backUpDatabase(file, join(dir, 'damaged-copy.sqlite'), () => {}))).toMatch(DAMAGE);
  });

  it("refuses a file that is not a database, with SQLite's reason", async () => {
    const file = join(dir, 'not-a-database.sqlite');
    writeFileSync(file, 'this is a text file, not SQLite'.repeat(200));
    await expect(backUpDatabase(file, join(dir, 'not-a-database-copy.sqlite'), () => {})).rejects.toThrow(/not a database/);
  });
});

describe("a restore's integrity check, on a worker thread", () => {
  it('finds nothing wrong with a sound database, and the damage in a damaged one', async () => {
    expect(await checkIntegrity(databaseWithRows('restore-sound.sqlite', 2000))).toEqual([]);
    expect(await problemsOf(checkIntegrity(damaged('restore-damaged.sqlite')).then((problems) => ({ problems })))).toMatch(DAMAGE);
  });

  it("refuses a file that is not a database, with SQLite's reason", async () => {
    const file = join(dir, 'restore-not-a-database.sqlite');
    writeFileSync(file, 'plain text'.repeat(500));
    await expect(checkIntegrity(file)).rejects.toThrow(/not a database/);
  });
});
