import type { Db } from './connection.js';
import type { SettingRow } from './tables/setting.table.js';

/** The stored value of a setting, parsed from JSON; undefined when it was never set. */
export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export async function putSetting(db: Db, key: string, value: unknown, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}

/** Every setting whose key starts with the prefix, as stored, to carry them into another database. */
export function listSettingRows(db: Db, prefix: string): Promise<SettingRow[]> {
  return db.selectFrom('settings').selectAll().where('key', 'like', `${prefix}%`).execute();
}

/** Makes the settings under a prefix exactly these rows, in one transaction. */
export async function replaceSettingRows(db: Db, prefix: string, rows: SettingRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('settings').where('key', 'like', `${prefix}%`).execute();
    if (rows.length > 0) await trx.insertInto('settings').values(rows).execute();
  });
}
