import { type Kysely, sql } from 'kysely';

// Frozen: never edit once released; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Follow-ups, meetings, visits and calls. due_at is when a task is due or a meeting starts (UTC
  // instant); ends_at closes a meeting. An all-day item keeps the instants of its local midnights, so
  // every item sorts and ranges on the same column. The linked record is a type + id without a foreign
  // key (leads and opportunities live in their own tables); customer_id is filled from the link and
  // decides who may see the task.
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assignee_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('linked_type', 'text')
    .addColumn('linked_id', 'integer')
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('remind_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // "My day": a user's open work in due order.
  await db.schema
    .createIndex('tasks_open_by_assignee')
    .on('tasks')
    .columns(['assignee_id', 'due_at'])
    .where(sql.ref('status'), '=', 'open')
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  // The calendar: a date range, done items included.
  await db.schema.createIndex('tasks_due_at').on('tasks').columns(['due_at']).execute();
  await db.schema.createIndex('tasks_customer').on('tasks').columns(['customer_id', 'due_at']).execute();
  await db.schema.createIndex('tasks_linked').on('tasks').columns(['linked_type', 'linked_id']).execute();
  // The scheduler's one question, "which reminder is next?", reads only reminders still to fire.
  await db.schema
    .createIndex('tasks_unfired_reminders')
    .on('tasks')
    .column('remind_at')
    .where(sql.ref('reminded_at'), 'is', null)
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  // The in-app notification centre, per user. Title and data are stored as facts (the task's title,
  // its time) and the renderer words them in the reader's language.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  await db.schema
    .createIndex('notifications_unread')
    .on('notifications')
    .columns(['user_id'])
    .where(sql.ref('read_at'), 'is', null)
    .execute();
}
