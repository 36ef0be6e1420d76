import { workerData } from 'node:worker_threads';
import { integrityCheck, quickCheck, settleDatabaseFile, snapshotDatabase, tableRowCounts, type BackupCopyProgress, type CopyCheck } from './backup.js';
import { useNativeBinding } from './connection.js';
import { answer, reportProgress } from './worker-thread.js';

export type BackupJob =
  | { job: 'back-up'; databaseFile: string; copyFile: string; nativeBinding?: string }
  | { job: 'integrity-check'; file: string; nativeBinding?: string };

/**
 * The thread of backUpDatabase and checkIntegrity (db/backup.ts): a backup's and a restore's long reads
 * and writes, away from the app's event loop.
 */
const job = workerData as BackupJob;
useNativeBinding(job.nativeBinding);
void answer(async (): Promise<CopyCheck | string[]> => {
  if (job.job === 'integrity-check') return integrityCheck(job.file);
  await snapshotDatabase(job.databaseFile, job.copyFile, (pages) => reportProgress<BackupCopyProgress>({ phase: 'copying', ...pages }));
  reportProgress<BackupCopyProgress>({ phase: 'checking' });
  settleDatabaseFile(job.copyFile);
  const problems = quickCheck(job.copyFile);
  return { problems, rowCounts: problems.length === 0 ? tableRowCounts(job.copyFile) : {} };
});
