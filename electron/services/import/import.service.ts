import { appendFileSync, openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { UserContext } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { offerDownload, type DownloadTicket } from '../files/downloads.js';
import { newWorkFile, removeWorkFile, STALE_MS } from '../files/work-files.js';
import { guessMapping } from './column-guess.js';
import { decodeText, type TextEncodingName } from './decode.js';
import { writeErrorReport, type ReportLabels } from './error-report.js';
import type { ColumnMapping } from './import-fields.js';
import { runImport, type DuplicatePolicy, type ImportCounts, type PreviewRow, type RowProblem } from './import-run.js';
import { parseCsv } from './parse-csv.js';
import { parseXlsx } from './parse-xlsx.js';
import type { SourceTable } from './table.js';

/** Larger than any office's customer list in CSV or XLSX, small enough to hold its rows in memory. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const PREVIEW_ROWS = 50;
const PROBLEMS_SHOWN = 200;

export type ImportStatus = 'uploading' | 'ready' | 'running' | 'done' | 'failed';

/** One file on its way in: uploaded in chunks, read once, previewed, then imported. */
interface ImportSession {
  id: string;
  userId: number;
  dataDir: string;
  fileName: string;
  path: string;
  size: number;
  received: number;
  status: ImportStatus;
  table: SourceTable | null;
  encoding: TextEncodingName | null;
  counts: ImportCounts | null;
  problems: RowProblem[];
  startedAt: number;
}

// Keyed by random ids; a session belongs to the user who began it and is found by no one else.
const sessions = new Map<string, ImportSession>();

function sessionOf(ctx: UserContext, uploadId: string): ImportSession {
  const session = sessions.get(uploadId);
  if (!session || session.userId !== ctx.user.id || session.dataDir !== ctx.dataDir) throw notFound('import', 0);
  return session;
}

/** Sessions nobody came back for (the wizard was closed) go after a day, with their files. */
function sweepSessions(now: number): void {
  for (const session of sessions.values()) {
    if (session.status !== 'running' && now - session.startedAt > STALE_MS) {
      removeWorkFile(session.path);
      sessions.delete(session.id);
    }
  }
}

export function beginUpload(ctx: UserContext, input: { fileName: string; size: number }): { uploadId: string } {
  if (input.size > MAX_UPLOAD_BYTES) throw invalid({ file: 'fileTooLarge' });
  sweepSessions(Date.now());
  const { id, path } = newWorkFile(ctx.dataDir, 'imports', '.upload');
  appendFileSync(path, new Uint8Array());
  sessions.set(id, {
    id,
    userId: ctx.user.id,
    dataDir: ctx.dataDir,
    fileName: input.fileName,
    path,
    size: input.size,
    received: 0,
    status: 'uploading',
    table: null,
    encoding: null,
    counts: null,
    problems: [],
    startedAt: Date.now(),
  });
  return { uploadId: id };
}

/** Appends one chunk. The offset must be where the file ends, so a repeated or lost chunk is caught. */
export function appendUpload(ctx: UserContext, input: { uploadId: string; offset: number; data: string }): { received: number } {
  const session = sessionOf(ctx, input.uploadId);
  if (session.status !== 'uploading' || input.offset !== session.received) throw invalid({ offset: 'invalid' });
  const bytes = Buffer.from(input.data, 'base64');
  if (session.received + bytes.length > session.size) throw invalid({ data: 'tooLong' });
  appendFileSync(session.path, bytes);
  session.received += bytes.length;
  return { received: session.received };
}

function startsWithZip(path: string): boolean {
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/** Reads the uploaded file once (CSV in any of the encodings Excel writes, or XLSX) and keeps its rows. */
async function tableOf(session: ImportSession): Promise<SourceTable> {
  if (session.table) return session.table;
  if (session.received !== session.size) throw invalid({ file: 'incompleteUpload' });
  const extension = extname(session.fileName).toLowerCase();
  if (extension === '.xls') throw invalid({ file: 'unsupportedFile' });
  if (startsWithZip(session.path)) {
    try {
      session.table = await parseXlsx(session.path);
    } catch {
      throw invalid({ file: 'unreadableFile' });
    }
  } else {
    const { text, encoding } = decodeText(readFileSync(session.path));
    session.table = parseCsv(text);
    session.encoding = encoding;
  }
  if (session.table.headers.length === 0) throw invalid({ file: 'emptyFile' });
  session.status = 'ready';
  return session.table;
}

export interface InspectResult {
  fileName: string;
  encoding: TextEncodingName | null;
  headers: string[];
  rowCount: number;
  mapping: ColumnMapping;
}

export async function inspectUpload(ctx: UserContext, uploadId: string): Promise<InspectResult> {
  const session = sessionOf(ctx, uploadId);
  const table = await tableOf(session);
  return {
    fileName: session.fileName,
    encoding: session.encoding,
    headers: table.headers,
    rowCount: table.rows.length + table.broken.length,
    mapping: guessMapping(table.headers),
  };
}

function assertMapping(table: SourceTable, mapping: ColumnMapping): void {
  if (mapping.name === undefined) throw invalid({ name: 'required' });
  for (const column of Object.values(mapping)) {
    if (column >= table.headers.length) throw invalid({ mapping: 'invalid' });
  }
}

export interface ImportRequest {
  uploadId: string;
  mapping: ColumnMapping;
  policy: DuplicatePolicy;
}

export interface PreviewResult {
  counts: ImportCounts;
  rows: PreviewRow[];
  problems: RowProblem[];
}

/** The whole file validated and matched, nothing written: counts, the first rows as they will be imported, the first problems. */
export async function previewImport(ctx: UserContext, input: ImportRequest): Promise<PreviewResult> {
  const session = sessionOf(ctx, input.uploadId);
  const table = await tableOf(session);
  assertMapping(table, input.mapping);
  const outcome = await runImport(ctx, table, { mapping: input.mapping, policy: input.policy, dryRun: true, previewRows: PREVIEW_ROWS });
  return { counts: outcome.counts, rows: outcome.preview, problems: outcome.problems.slice(0, PROBLEMS_SHOWN) };
}

/** Starts the import and returns at once; progress() reports on it. */
export async function startImport(ctx: UserContext, input: ImportRequest): Promise<void> {
  const session = sessionOf(ctx, input.uploadId);
  const table = await tableOf(session);
  assertMapping(table, input.mapping);
  if (session.status !== 'ready') throw invalid({ uploadId: 'alreadyImported' });
  session.status = 'running';
  session.counts = { total: table.rows.length + table.broken.length, processed: 0, created: 0, updated: 0, skipped: 0, failed: 0 };
  removeWorkFile(session.path);
  void runImport(ctx, table, {
    mapping: input.mapping,
    policy: input.policy,
    dryRun: false,
    onProgress: (counts) => (session.counts = counts),
  }).then(
    (outcome) => {
      session.counts = outcome.counts;
      session.problems = outcome.problems;
      session.status = 'done';
      // The error report needs the headers only; the rows can go.
      session.table = { headers: table.headers, rows: [], broken: [] };
    },
    (error: unknown) => {
      console.error('Import failed:', error);
      session.status = 'failed';
    },
  );
}

export interface ImportProgress {
  status: ImportStatus;
  counts: ImportCounts | null;
}

export function importProgress(ctx: UserContext, uploadId: string): ImportProgress {
  const session = sessionOf(ctx, uploadId);
  return { status: session.status, counts: session.counts };
}

/** The rows that were not imported, a page at a time. */
export function importProblems(ctx: UserContext, input: { uploadId: string; offset: number; limit: number }) {
  const session = sessionOf(ctx, input.uploadId);
  return { total: session.problems.length, items: session.problems.slice(input.offset, input.offset + input.limit) };
}

export async function importErrorReport(ctx: UserContext, input: { uploadId: string; labels: ReportLabels }): Promise<DownloadTicket> {
  const session = sessionOf(ctx, input.uploadId);
  const { id, path } = newWorkFile(ctx.dataDir, 'exports', '.csv');
  await writeErrorReport(path, session.table?.headers ?? [], session.problems, input.labels);
  const base = session.fileName.replace(/\.[^.]*$/, '');
  return offerDownload(ctx.user.id, id, path, `${base}-errors.csv`);
}

/** Forgets an upload and removes its file (the wizard closed, or the user starts over). */
export function discardImport(ctx: UserContext, uploadId: string): void {
  const session = sessionOf(ctx, uploadId);
  if (session.status === 'running') return;
  removeWorkFile(session.path);
  sessions.delete(uploadId);
}
