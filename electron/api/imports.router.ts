import * as imports from '../services/import/import.service.js';
import {
  appendUploadInput,
  beginUploadInput,
  errorReportInput,
  importProblemsInput,
  importRequestInput,
  uploadIdInput,
} from './schemas/imports.schema.js';
import { permitted, router } from './trpc.js';

/**
 * Importing customers from CSV or XLSX. The file travels in chunks (begin, then upload each chunk in
 * order) because every API request is capped at 1 MiB on both transports; everything after names the
 * upload by id: inspect (headers, guessed mapping), preview (validation, duplicates, nothing written),
 * start, progress (polled), problems and the error report.
 */
export const importsRouter = router({
  begin: permitted('customers', 'create').input(beginUploadInput).mutation(({ ctx, input }) => imports.beginUpload(ctx.userCtx, input)),

  upload: permitted('customers', 'create').input(appendUploadInput).mutation(({ ctx, input }) => imports.appendUpload(ctx.userCtx, input)),

  inspect: permitted('customers', 'create').input(uploadIdInput).mutation(({ ctx, input }) => imports.inspectUpload(ctx.userCtx, input.uploadId)),

  preview: permitted('customers', 'create').input(importRequestInput).mutation(({ ctx, input }) => imports.previewImport(ctx.userCtx, input)),

  start: permitted('customers', 'create').input(importRequestInput).mutation(({ ctx, input }) => imports.startImport(ctx.userCtx, input)),

  progress: permitted('customers', 'create').input(uploadIdInput).query(({ ctx, input }) => imports.importProgress(ctx.userCtx, input.uploadId)),

  problems: permitted('customers', 'create').input(importProblemsInput).query(({ ctx, input }) => imports.importProblems(ctx.userCtx, input)),

  errorReport: permitted('customers', 'create').input(errorReportInput).mutation(({ ctx, input }) => imports.importErrorReport(ctx.userCtx, input)),

  discard: permitted('customers', 'create').input(uploadIdInput).mutation(({ ctx, input }) => imports.discardImport(ctx.userCtx, input.uploadId)),
});
