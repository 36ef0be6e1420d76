import { type Kysely, sql } from 'kysely';
import { searchIndexTexts } from '../db/search.js';
import { leadSearchDocument, type LeadSearchFields } from '../electron/services/lead-search.js';

// Frozen: never edit once released; add a new migration instead.

/**
 * Lead search through full-text indexes like the customers' (0001, 0002): the lead list's and the pool's
 * LIKE '%…%' read every lead twice (page and count), ~50 ms at 50k leads, and found a mobile only as
 * typed in its stored form. Documents are built by the app's rules (electron/services/lead-search.ts),
 * so the leads already there are found as new ones are; a change to those rules needs a re-index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`CREATE VIRTUAL TABLE lead_search USING fts5(body, tokenize = 'trigram')`.execute(trx);
    await sql`CREATE VIRTUAL TABLE lead_search_pairs
      USING fts5(body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1')`.execute(trx);
    const leads = await sql<LeadSearchFields & { id: number }>`
      SELECT id, company_name, person_name, email, mobile, landline FROM leads ORDER BY id`.execute(trx);
    for (const lead of leads.rows) {
      const { body, pairs } = searchIndexTexts(leadSearchDocument(lead));
      await sql`INSERT INTO lead_search (rowid, body) VALUES (${lead.id}, ${body})`.execute(trx);
      await sql`INSERT INTO lead_search_pairs (rowid, body) VALUES (${lead.id}, ${pairs})`.execute(trx);
    }
  });
}
