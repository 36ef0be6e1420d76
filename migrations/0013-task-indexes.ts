import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.

/**
 * Indexes My day and the calendar can use at 200k tasks (both read 150–250 ms there, walking every task
 * due before a date). tasks_open_by_assignee was never used: SQLite takes a partial index only when the
 * query states its condition with the same literal, and the status is a bound value. In its place a
 * user's live tasks by status and due time (My day: open, due before tomorrow), and by when each item
 * last reaches (its end, else its start), so the calendar reads only the items that reach into the range
 * it shows instead of the user's whole past.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`DROP INDEX tasks_open_by_assignee`.execute(trx);
    await sql`CREATE INDEX tasks_live_assignee ON tasks (assignee_id, status, due_at) WHERE deleted_at IS NULL`.execute(trx);
    await sql`CREATE INDEX tasks_live_reach ON tasks (assignee_id, coalesce(ends_at, due_at)) WHERE deleted_at IS NULL`.execute(trx);
  });
}
