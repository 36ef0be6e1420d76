import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // name_stem is written by the app from now on, with name_key (electron/services/validation/name-stem.ts),
  // rather than by 0005's triggers: each of those ran a CASE of some 400 GLOBs and a second UPDATE of the
  // row, which made bulk writes (import, seed) several times slower. The stems already stored are the
  // same ones the app computes, so nothing is recomputed.
  await db.transaction().execute(async (trx) => {
    await sql`DROP TRIGGER IF EXISTS customers_name_stem_insert`.execute(trx);
    await sql`DROP TRIGGER IF EXISTS customers_name_stem_update`.execute(trx);
  });
}
