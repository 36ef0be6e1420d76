import type { Db } from '../../../db/connection.js';
import { bulkSession, refreshStatistics, visibleCustomerIds, type CustomerBulk } from '../../../db/import.repository.js';
import type { CreateCustomerInput } from '../../api/schemas/customers.schema.js';
import { nowIso, type SessionUser, type UserContext } from '../context.js';
import { customerSearchDocument } from '../customer-search.js';
import { duplicateKeys, type DuplicateKeys } from '../duplicates.service.js';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from './import-fields.js';
import { createCustomers } from './import-create.js';
import { MatchedRecords, updateFromRow, type RecordMatch } from './import-update.js';
import { validateRow, type RowIssue } from './row-validate.js';
import type { SourceRow, SourceTable } from './table.js';

export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export type RowAction = 'create' | 'update' | 'skip' | 'error';

/** A row that was not imported, and why. */
export interface RowProblem {
  line: number;
  /** invalid: a field failed validation; broken: the file's record could not be read; duplicate: skipped by
   *  the policy; hidden: it matches a record the user may not see, so it can neither be updated nor created. */
  kind: 'invalid' | 'broken' | 'duplicate' | 'hidden';
  issues: RowIssue[];
  /** The existing customer (or earlier row) it duplicates. */
  duplicateOf: string | null;
  cells: string[];
}

export interface ImportCounts {
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface PreviewRow {
  line: number;
  action: RowAction;
  values: Partial<Record<ImportField, string>>;
  issues: RowIssue[];
  duplicateOf: string | null;
}

export interface ImportOptions {
  mapping: ColumnMapping;
  policy: DuplicatePolicy;
  /** Validate and match only; write nothing (the preview). */
  dryRun: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  /** How many of the first rows to describe as PreviewRows. */
  previewRows?: number;
  onProgress?: (counts: ImportCounts) => void;
}

export interface ImportOutcome {
  counts: ImportCounts;
  problems: RowProblem[];
  preview: PreviewRow[];
}

interface PendingRow {
  row: SourceRow;
  input: CreateCustomerInput;
  keys: DuplicateKeys;
}

interface Match {
  /** null: an earlier row of this file, not yet written (dry run). */
  customerId: number | null;
  customerName: string;
  contactId: number | null;
  visible: boolean;
}

// Rows per transaction: few commits (each costs a WAL write of every page touched), short enough that
// other requests wait a fraction of a second for the connection.
const DEFAULT_BATCH = 5000;

function keysOf(input: CreateCustomerInput): DuplicateKeys {
  return duplicateKeys({
    companyName: input.kind === 'company' ? input.name : null,
    mobile: input.primaryContact?.mobile,
    landline: input.primaryContact?.landline,
    email: input.primaryContact?.email,
  });
}

/** The create policy matches nothing, so its rows need no keys. */
const NO_KEYS: DuplicateKeys = { nameKey: '', mobile: null, landline: null, email: null };

/** The keys as strings, to see whether two rows of one batch would match each other. */
const keyStrings = (k: DuplicateKeys) =>
  [k.nameKey && `n:${k.nameKey}`, k.mobile && `p:${k.mobile}`, k.landline && `p:${k.landline}`, k.email && `e:${k.email}`].filter(
    (s): s is string => !!s,
  );

/** Existing records matching the batch's rows: one query by contact channels, one by company name. */
async function lookupMatches(db: Db, bulk: CustomerBulk, user: SessionUser, rows: PendingRow[]): Promise<Map<PendingRow, Match>> {
  const phones: string[] = [];
  const emails: string[] = [];
  const names: string[] = [];
  for (const { keys } of rows) {
    if (keys.mobile) phones.push(keys.mobile);
    if (keys.landline) phones.push(keys.landline);
    if (keys.email) emails.push(keys.email);
    if (keys.nameKey) names.push(keys.nameKey);
  }
  const contacts = bulk.findContactsByAnyChannel(phones, emails);
  const byChannel = new Map<string, (typeof contacts)[number]>();
  for (const c of contacts) {
    for (const key of [c.mobile && `p:${c.mobile}`, c.landline && `p:${c.landline}`, c.email && `e:${c.email}`]) {
      if (key && !byChannel.has(key)) byChannel.set(key, c);
    }
  }
  const customers = bulk.findCustomersByNameKeys(names);
  const byName = new Map<string, (typeof customers)[number]>();
  for (const c of customers) if (!byName.has(c.name_key)) byName.set(c.name_key, c);
  const matches = new Map<PendingRow, Match>();
  if (contacts.length === 0 && customers.length === 0) return matches;
  const visible = await visibleCustomerIds(db, user, [...contacts.map((c) => c.customer_id), ...customers.map((c) => c.id)]);

  for (const p of rows) {
    const { mobile, landline, email, nameKey } = p.keys;
    const contact = (mobile && byChannel.get(`p:${mobile}`)) || (landline && byChannel.get(`p:${landline}`)) || (email && byChannel.get(`e:${email}`));
    if (contact) {
      matches.set(p, { customerId: contact.customer_id, customerName: contact.customer_name, contactId: contact.id, visible: visible.has(contact.customer_id) });
      continue;
    }
    const customer = nameKey ? byName.get(nameKey) : undefined;
    if (customer) matches.set(p, { customerId: customer.id, customerName: customer.name, contactId: null, visible: visible.has(customer.id) });
  }
  return matches;
}

function previewValues(input: CreateCustomerInput): Partial<Record<ImportField, string>> {
  const { primaryContact: contact, tags, ...customer } = input;
  const values: Partial<Record<ImportField, string | null>> = {
    ...customer,
    tags: tags.join(', '),
    contactName: contact?.name,
    title: contact?.title,
    mobile: contact?.mobile,
    landline: contact?.landline,
    email: contact?.email,
    wechatId: contact?.wechatId,
    gender: contact?.gender,
    birthday: contact?.birthday,
  };
  return Object.fromEntries(IMPORT_FIELDS.flatMap((field) => (values[field] ? [[field, values[field]]] : [])));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports (or, with dryRun, previews) the rows of a table. Rows are validated one by one; valid rows
 * are matched against existing records a batch at a time and written a batch per transaction, so a
 * customer and its contact go in together or not at all. A row whose keys repeat a row of the same
 * batch starts a new batch: the earlier row is then committed and found like any existing record.
 */
export async function runImport(ctx: UserContext, table: SourceTable, options: ImportOptions): Promise<ImportOutcome> {
  const { mapping, policy, dryRun } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const previewLimit = options.previewRows ?? 0;
  const previewLines = new Set(table.rows.slice(0, previewLimit).map((r) => r.line));
  const counts: ImportCounts = { total: table.rows.length + table.broken.length, processed: 0, created: 0, updated: 0, skipped: 0, failed: 0 };
  const problems: RowProblem[] = table.broken.map((b) => ({
    line: b.line,
    kind: 'broken',
    issues: [{ field: 'row', message: b.reason }],
    duplicateOf: null,
    cells: [b.raw],
  }));
  counts.failed = counts.processed = table.broken.length;
  const preview: PreviewRow[] = [];
  const describe = (row: SourceRow, action: RowAction, input: CreateCustomerInput | null, issues: RowIssue[], duplicateOf: string | null) => {
    if (previewLines.has(row.line)) preview.push({ line: row.line, action, values: input ? previewValues(input) : {}, issues, duplicateOf });
  };
  // Dry run: keys of rows that would have been created, standing in for the database.
  const planned = new Map<string, string>();
  const given = (cells: string[]) =>
    new Set(IMPORT_FIELDS.filter((field) => mapping[field] !== undefined && (cells[mapping[field]!] ?? '').trim() !== ''));

  let batch: PendingRow[] = [];
  let batchKeys = new Set<string>();

  const settle = async (db: Db, bulk: CustomerBulk, rows: PendingRow[]) => {
    const now = nowIso(ctx.clock);
    const matches = policy === 'create' ? new Map<PendingRow, Match>() : await lookupMatches(db, bulk, ctx.user, rows);
    const creates: PendingRow[] = [];
    const updated: number[] = [];
    const toUpdate = dryRun || policy !== 'update' ? [] : [...matches.values()].filter((m): m is RecordMatch & Match => m.visible && m.customerId !== null);
    const records = await MatchedRecords.read(db, ctx.user, toUpdate);
    for (const p of rows) {
      const plannedName = dryRun && policy !== 'create' ? keyStrings(p.keys).map((k) => planned.get(k)).find(Boolean) : undefined;
      const match = matches.get(p) ?? (plannedName ? { customerId: null, customerName: plannedName, contactId: null, visible: true } : undefined);
      if (!match) {
        creates.push(p);
        continue;
      }
      const problem = policy === 'skip' ? 'duplicate' : match.visible ? null : 'hidden';
      if (problem) {
        problems.push({ line: p.row.line, kind: problem, issues: [], duplicateOf: match.customerName, cells: p.row.cells });
        counts.skipped++;
        describe(p.row, 'skip', p.input, [], match.customerName);
        continue;
      }
      if (!dryRun && match.customerId !== null) {
        const customer = await updateFromRow(db, ctx, records, { customerId: match.customerId, contactId: match.contactId }, p.input, given(p.row.cells), now);
        if (customer) bulk.reindexCustomer(customer.id, await customerSearchDocument(db, customer.id, customer.name));
        updated.push(match.customerId);
      }
      counts.updated++;
      describe(p.row, 'update', p.input, [], match.customerName);
    }
    const ids = dryRun ? [] : createCustomers(bulk, ctx.user, creates.map((p) => p.input), now);
    for (const p of creates) {
      if (dryRun) for (const key of keyStrings(p.keys)) planned.set(key, p.input.name);
      describe(p.row, 'create', p.input, [], null);
    }
    counts.created += creates.length;
    return { ids, updated };
  };

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    batchKeys = new Set();
    // Dry run: read only, but holding the connection all the same (the bulk reads need it).
    const { ids, updated } = await bulkSession(ctx.db, dryRun ? 'read' : 'write', (db, bulk) => settle(db, bulk, rows));
    for (const id of ids) ctx.events.publish({ entity: 'customer', id, op: 'create' });
    for (const id of updated) ctx.events.publish({ entity: 'customer', id, op: 'update' });
    counts.processed += rows.length;
    options.onProgress?.({ ...counts });
    await yieldToEventLoop();
  };

  for (const row of table.rows) {
    const validated = validateRow(row.cells, mapping);
    if (!validated.ok) {
      problems.push({ line: row.line, kind: 'invalid', issues: validated.issues, duplicateOf: null, cells: row.cells });
      counts.failed++;
      counts.processed++;
      describe(row, 'error', null, validated.issues, null);
      continue;
    }
    // Imported customers belong to whoever imports them (the file has no owner column).
    validated.input.ownerId ??= ctx.user.id;
    const keys = policy === 'create' ? NO_KEYS : keysOf(validated.input);
    const strings = keyStrings(keys);
    if (policy !== 'create' && strings.some((k) => batchKeys.has(k))) await flush();
    batch.push({ row, input: validated.input, keys });
    for (const k of strings) batchKeys.add(k);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (!dryRun && counts.created > 0) await refreshStatistics(ctx.db);
  problems.sort((a, b) => a.line - b.line);
  preview.sort((a, b) => a.line - b.line);
  return { counts, problems, preview };
}
