import type SQLite from 'better-sqlite3';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connection.js';
import { rowInserter } from './row-inserter.js';

/**
 * Search over SQLite FTS5. One document per customer holding its name and its contacts' names, emails
 * and phone digits, so one query finds a customer by any of them (migration 0001); one per lead with its
 * company, person, email and phone digits (migration 0014). Each has two indexes: trigrams for 3+
 * characters, adjacent character pairs for 1-2.
 */

/** The two FTS5 tables of one kind of record (names from this file only: they go into SQL as identifiers). */
export interface SearchIndex {
  readonly body: string;
  readonly pairs: string;
}

export const customerSearch: SearchIndex = { body: 'customer_search', pairs: 'customer_search_pairs' };
/** Leads are indexed whether live or deleted (their lists filter deleted ones out; leads are never purged). */
export const leadSearch: SearchIndex = { body: 'lead_search', pairs: 'lead_search_pairs' };

export interface SearchDocument {
  names: string[];
  emails: string[];
  phoneDigits: string[];
}

/** "张伟明" → "张伟 伟明": every adjacent pair, so a 2-character query is one whole token. */
function characterPairs(name: string): string {
  const chars = [...name.toLowerCase().replace(/\s+/g, '')];
  if (chars.length === 1) return chars[0]!;
  let pairs = '';
  for (let i = 1; i < chars.length; i++) pairs += i === 1 ? chars[0]! + chars[1]! : ` ${chars[i - 1]!}${chars[i]!}`;
  return pairs;
}

/** The text each index stores for a document: the trigram index's body and the name pairs. */
export function searchIndexTexts(doc: SearchDocument): { body: string; pairs: string } {
  return {
    body: doc.names.concat(doc.emails, doc.phoneDigits).join('\n'),
    pairs: doc.names.map(characterPairs).join(' '),
  };
}

/**
 * Writes documents into `index` on raw prepared statements, for bulk writers (the import, the seeders);
 * the record must have none yet.
 */
export function searchDocumentInserter(sqlite: SQLite.Database, index: SearchIndex): (id: number, doc: SearchDocument) => void {
  const insertBody = rowInserter<{ rowid: number; body: string }>(sqlite, index.body, ['rowid', 'body']);
  const insertPairs = rowInserter<{ rowid: number; body: string }>(sqlite, index.pairs, ['rowid', 'body']);
  return (id, doc) => {
    const { body, pairs } = searchIndexTexts(doc);
    insertBody({ rowid: id, body });
    insertPairs({ rowid: id, body: pairs });
  };
}

export async function writeSearchDocument(db: Db, index: SearchIndex, id: number, doc: SearchDocument): Promise<void> {
  const { body, pairs } = searchIndexTexts(doc);
  await deleteSearchDocument(db, index, id);
  await sql`INSERT INTO ${sql.table(index.body)} (rowid, body) VALUES (${id}, ${body})`.execute(db);
  await sql`INSERT INTO ${sql.table(index.pairs)} (rowid, body) VALUES (${id}, ${pairs})`.execute(db);
}

/** The customers' index holds live customers only: a deleted customer's document goes, a restore writes it again. */
export async function deleteSearchDocument(db: Db, index: SearchIndex, id: number): Promise<void> {
  await sql`DELETE FROM ${sql.table(index.body)} WHERE rowid = ${id}`.execute(db);
  await sql`DELETE FROM ${sql.table(index.pairs)} WHERE rowid = ${id}`.execute(db);
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

interface Terms {
  /** 3+ characters: substring match in the trigram index. */
  substrings: string[];
  /** 1-2 characters: whole pair (or pair prefix) in the pairs index. */
  pairs: string[];
}

/**
 * The digits of a typed phone number as the index holds Chinese numbers: national, so "+86 138 0013",
 * "0086 138…" and a whole "8613800138000" find 13800138000 (the index keeps no "86…" form).
 */
function nationalDigits(typed: string): string {
  const digits = typed.replace(/\D/g, '');
  // Typed with + or 00, or a whole national number (9-11 digits, never starting 86) behind 86.
  const prefixed = /^(?:\+\s*86|00\s*86)/.test(typed) || /^86[1-9]\d{8,10}$/.test(digits);
  const national = digits.slice(digits.startsWith('0086') ? 4 : 2);
  return prefixed && national !== '' ? national : digits;
}

/**
 * Splits what the user typed into terms, all of which must match. Something that looks like a phone
 * number ("138 0013", "(010) 6234") is one term of its digits, so formatting never matters.
 */
export function parseSearch(text: string): Terms {
  const trimmed = text.trim().toLowerCase();
  const terms: Terms = { substrings: [], pairs: [] };
  if (trimmed === '') return terms;
  const looksLikePhone = /^[+\d\s\-()（）]+$/.test(trimmed);
  const words = looksLikePhone ? [nationalDigits(trimmed)] : trimmed.split(/\s+/);
  for (const word of words) {
    const length = [...word].length;
    if (length >= 3) terms.substrings.push(word);
    else if (length >= 1) terms.pairs.push(word);
  }
  return terms;
}

/**
 * The ids of the records (live or not) whose document matches every term, or null for blank text:
 * one FTS query per index the terms need, intersected.
 */
export function searchMatchIds(index: SearchIndex, text: string): RawBuilder<{ id: number }> | null {
  const { substrings, pairs } = parseSearch(text);
  const queries: RawBuilder<{ id: number }>[] = [];
  if (substrings.length > 0) {
    const query = substrings.map(quote).join(' AND ');
    const table = sql.table(index.body);
    queries.push(sql`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ${query}`);
  }
  if (pairs.length > 0) {
    // One character is a pair prefix ("张" finds 张伟, read from the one-character prefix index);
    // two characters are a whole pair.
    const query = pairs.map((p) => ([...p].length === 1 ? `${quote(p)}*` : quote(p))).join(' AND ');
    const table = sql.table(index.pairs);
    queries.push(sql`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ${query}`);
  }
  if (queries.length === 0) return null;
  return sql`${sql.join(queries, sql` INTERSECT `)}`;
}
