import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { busiestCustomerId } from '../../db/seed/interactions.js';
import { Random } from '../../db/seed/random.js';

/**
 * Inputs for the scenarios, picked from the data so every search has matches: live contacts of live
 * customers, sampled deterministically across the whole id range.
 */

export interface BenchTerms {
  /** Middle two characters of 3-character Chinese contact names (张伟明 → 伟明). */
  chinese2: string[];
  /** Whole 3-character Chinese contact names. */
  chinese3: string[];
  /** Last four digits of mainland mobiles. */
  digits4: string[];
  /** First seven digits of mainland mobiles (the way a number is typed). */
  digits7: string[];
  /** First six characters of e-mail addresses that start with a letter. */
  emailPrefix: string[];
  customerIds: number[];
  /** The live customer with the most interactions: the longest timeline. */
  busiestCustomerId: number;
  /** The most used tag. */
  tag: string;
}

interface Sample {
  customer_id: number;
  name: string;
  mobile: string | null;
  email: string | null;
}

async function sampleContacts(db: Db, random: Random, count: number): Promise<Sample[]> {
  const { rows } = await sql<{ n: number }>`SELECT max(id) AS n FROM contacts`.execute(db);
  const maxId = Number(rows[0]?.n ?? 0);
  const out: Sample[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 20; attempt++) {
    const { rows: found } = await sql<Sample>`
      SELECT k.customer_id, k.name, k.mobile, k.email FROM contacts k JOIN customers c ON c.id = k.customer_id
      WHERE k.id = ${random.int(1, maxId)} AND k.deleted_at IS NULL AND c.deleted_at IS NULL`.execute(db);
    if (found[0]) out.push(found[0]);
  }
  return out;
}

const isChinese3 = (name: string) => /^[\u4e00-\u9fff]{3}$/.test(name);

export async function pickTerms(db: Db, size = 25, seed = 7): Promise<BenchTerms> {
  const random = new Random(seed);
  const contacts = await sampleContacts(db, random, size * 12);
  const take = (values: string[]) => [...new Set(values)].slice(0, size);
  const mobiles = contacts.flatMap((c) => (c.mobile && /^\+861\d{10}$/.test(c.mobile) ? [c.mobile.slice(3)] : []));
  const { rows: tags } = await sql<{ tag: string }>`
    SELECT tag FROM customer_tags GROUP BY tag ORDER BY count(*) DESC LIMIT 1`.execute(db);
  const busiest = await busiestCustomerId(db);
  return {
    chinese2: take(contacts.filter((c) => isChinese3(c.name)).map((c) => c.name.slice(1))),
    chinese3: take(contacts.filter((c) => isChinese3(c.name)).map((c) => c.name)),
    digits4: take(mobiles.map((m) => m.slice(-4))),
    digits7: take(mobiles.map((m) => m.slice(0, 7))),
    emailPrefix: take(contacts.flatMap((c) => (c.email && /^[a-z][a-z.]{5}/.test(c.email) ? [c.email.slice(0, 6)] : []))),
    customerIds: take(contacts.map((c) => String(c.customer_id))).map(Number),
    busiestCustomerId: busiest ?? contacts[0]!.customer_id,
    tag: tags[0]?.tag ?? 'VIP',
  };
}
