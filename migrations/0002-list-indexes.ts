import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.
//
// Indexes shaped for the customer list at 100k customers (measured with `npm run bench`):
// - Every list reads live customers only, so its indexes are partial (WHERE deleted_at IS NULL): the
//   trash never costs the list a lookup, and a count or a deep page walks an index without touching rows.
// - The default sort is updated_at desc, and the usual filters are a stage or an owner (a rep's own
//   customers, a manager's team), so those get (filter, updated_at) pairs: a filtered page is read in
//   order from one index instead of sorting every match.
// - Sorting by a column uses a one-column index, whose implicit rowid is the list's tie-breaker (id)
//   (so those indexes must not end in another column).
// - users(display_name) lets the owner sort walk owners in name order and each one's customers by index.
// - A tiny index of the trash lets a count of a broad search or tag leave the trashed matches out.
// - The character-pair search index gets a one-character prefix index, so the first keystroke ("王")
//   reads one list instead of merging every pair that starts with it.

const replacedIndexes = [
  'customers_name',
  'customers_stage',
  'customers_tier',
  'customers_kind',
  'customers_industry',
  'customers_owner_id',
  'customers_created_at',
  'customers_updated_at',
  'customers_last_contacted_at',
  'customers_next_follow_up_on',
  'customers_region',
];

const liveIndexes: Record<string, string[]> = {
  customers_live_name: ['name'],
  customers_live_kind: ['kind'],
  customers_live_stage: ['stage'],
  customers_live_stage_updated: ['stage', 'updated_at'],
  customers_live_tier: ['tier'],
  customers_live_industry: ['industry'],
  // deleted_at is always NULL here; listing it tells the planner this index alone answers
  // `deleted_at IS NULL` (it does not infer that from the partial WHERE), so counts (all live customers,
  // an owner's, a team's) read this small index and never the table.
  customers_live_owner: ['owner_id', 'deleted_at'],
  customers_live_owner_updated: ['owner_id', 'updated_at'],
  customers_live_region: ['province', 'city'],
  customers_live_created_at: ['created_at'],
  customers_live_updated_at: ['updated_at'],
  customers_live_last_contacted_at: ['last_contacted_at'],
  customers_live_next_follow_up_on: ['next_follow_up_on'],
};

// SQLite's migrator runs without a transaction, so the step takes its own: all of it or none of it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const name of replacedIndexes) await trx.schema.dropIndex(name).execute();
    for (const [name, columns] of Object.entries(liveIndexes)) {
      await trx.schema.createIndex(name).on('customers').columns(columns).where(sql.ref('deleted_at'), 'is', null).execute();
    }

    // The owner sort walks owners in name order, each one's customers straight from customers_live_owner.
    await trx.schema.createIndex('users_display_name').on('users').columns(['display_name', 'id']).execute();

    // The trash's ids in order (about 1% of customers): a count of a broad search or tag takes them out
    // of the matches by merging two id-ordered lists, instead of checking every match for deleted_at.
    await trx.schema
      .createIndex('customers_trash_ids')
      .on('customers')
      .column('id')
      .where(sql.ref('deleted_at'), 'is not', null)
      .execute();

    // An FTS5 table's options are fixed at creation: build the new one from the stored documents, then swap.
    await sql`CREATE VIRTUAL TABLE customer_search_pairs_new
      USING fts5(body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1')`.execute(trx);
    await sql`INSERT INTO customer_search_pairs_new (rowid, body) SELECT rowid, body FROM customer_search_pairs`.execute(trx);
    await sql`DROP TABLE customer_search_pairs`.execute(trx);
    await sql`ALTER TABLE customer_search_pairs_new RENAME TO customer_search_pairs`.execute(trx);
    await sql`INSERT INTO customer_search_pairs (customer_search_pairs) VALUES ('optimize')`.execute(trx);
    await sql`ANALYZE`.execute(trx);
  });
}
