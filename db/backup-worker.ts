import { workerData } from 'node:worker_threads';
import { quickCheck, settleDatabaseFile, snapshotDatabase, tableRowCounts, type BackupCopyProgress, type CopyCheck } from './backup.js';
import { useNativeBinding } from './connection.js';
import { answer, reportProgress } from './worker-thread.js';

/** backUpDatabase's thread (db/backup.ts): the backup's long reads and writes, away from the app's event loop. */
const { databaseFile, copyFile, nativeBinding } = workerData as { databaseFile: string; copyFile: string; nativeBinding?: string };
useNativeBinding(nativeBinding);
void answer(async (): Promise<CopyCheck> => {
  await snapshotDatabase(databaseFile, copyFile, (pages) => reportProgress<BackupCopyProgress>({ phase: 'copying', ...pages }));
  reportProgress<BackupCopyProgress>({ phase: 'checking' });
  settleDatabaseFile(copyFile);
  const problems = quickCheck(copyFile);
  return { problems, rowCounts: problems.length === 0 ? tableRowCounts(copyFile) : {} };
});
