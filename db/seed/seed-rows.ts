import type SQLite from 'better-sqlite3';
import type { Db } from '../connection.js';

/** Shared by the seeders that write rows straight into SQLite (with db/row-inserter.ts): whose rows they are, and batching. */

/** The office's owner and the people who sell (reps and managers), by id. */
export async function officeStaff(db: Db): Promise<{ boss: number; sellers: number[] }> {
  const users = await db.selectFrom('users').select(['id', 'role']).where('disabled_at', 'is', null).orderBy('id').execute();
  const boss = users.find((u) => u.role === 'owner');
  const sellers = users.filter((u) => u.role === 'sales' || u.role === 'manager').map((u) => u.id);
  if (!boss || sellers.length === 0) throw new Error('seed the office (an owner and sales staff) first');
  return { boss: boss.id, sellers };
}

/** Calls `writeOne` `count` times, `batchSize` calls a transaction, and `afterBatch` after each commit. */
export function seedBatches(
  sqlite: SQLite.Database,
  count: number,
  writeOne: () => void,
  { batchSize = 5000, afterBatch }: { batchSize?: number; afterBatch?: () => void } = {},
): void {
  const writeBatch = sqlite.transaction((n: number) => {
    for (let i = 0; i < n; i++) writeOne();
  });
  for (let done = 0; done < count; done += batchSize) {
    writeBatch(Math.min(batchSize, count - done));
    afterBatch?.();
  }
}
