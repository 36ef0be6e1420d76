import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('address', 'text')
    .addColumn('source', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('notes', 'text')
    .addColumn('last_contacted_at', 'text')
    .addColumn('next_follow_up_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // One index per sortable or filterable column; SQLite picks one per query and the list sorts on
  // an indexed column, so a page is read in index order instead of sorting 100k rows.
  for (const column of [
    'name',
    'name_key',
    'stage',
    'tier',
    'kind',
    'industry',
    'owner_id',
    'created_at',
    'updated_at',
    'last_contacted_at',
    'next_follow_up_on',
  ]) {
    await db.schema.createIndex(`customers_${column}`).on('customers').column(column).execute();
  }
  await db.schema.createIndex('customers_region').on('customers').columns(['province', 'city']).execute();

  await db.schema
    .createTable('customer_tags')
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag'])
    .execute();
  await db.schema.createIndex('customer_tags_tag').on('customer_tags').columns(['tag', 'customer_id']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('mobile', 'text')
    .addColumn('landline', 'text')
    .addColumn('email', 'text')
    .addColumn('wechat_id', 'text')
    .addColumn('birthday', 'text')
    .addColumn('gender', 'text')
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  for (const column of ['customer_id', 'mobile', 'landline', 'email']) {
    await db.schema.createIndex(`contacts_${column}`).on('contacts').column(column).execute();
  }

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id', 'id']).execute();

  // Search indexes (SQLite FTS5; db/search.ts is the only code that queries them). One document per
  // customer: rowid = customer id. The trigram index answers substrings of 3+ characters (names,
  // phone digits, emails); trigram cannot match 2-character queries, so names are also indexed as
  // space-separated character pairs, which makes a 2-character Chinese name like 张伟 one token.
  await sql`CREATE VIRTUAL TABLE customer_search USING fts5(body, tokenize = 'trigram')`.execute(db);
  await sql`CREATE VIRTUAL TABLE customer_search_pairs USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')`.execute(
    db,
  );
}
