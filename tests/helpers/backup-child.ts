/**
 * Runs one backup of the data folder given as the argument, in its own process, so a test can kill it
 * halfway (node --import tsx tests/helpers/backup-child.ts DIR).
 */
import { createHost } from '../../electron/host.js';

const host = await createHost({ dataDir: process.argv[2]!, backupSchedule: false });
await host.backups.backUp('manual');
await host.close();
