/**
 * Times a backup and a restore of a seeded data folder through the backup service:
 *   npm run seed -- --data DIR --customers 100000 && npx tsx tests/bench/backup-bench.ts DIR
 */
import { stat } from 'node:fs/promises';
import { createHost } from '../../electron/host.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: tsx tests/bench/backup-bench.ts DATA_DIR');
const host = await createHost({ dataDir, backupSchedule: false });
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const database = (await stat(host.databaseFile)).size;
let started = performance.now();
const backup = await host.backups.backUp('manual');
console.log(`database ${mb(database)}: backup ${backup.name} ${mb(backup.size)} in ${seconds(started)}`);

started = performance.now();
const restored = await host.backups.restore({ name: backup.name, password: null, session: null });
console.log(`restore (verify, safety backup, swap) in ${seconds(started)}: ${JSON.stringify(restored.manifest.rowCounts)}`);
await host.close();
