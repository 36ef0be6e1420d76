import * as imports from '../services/import/import.service.js';
import {
  appendUploadInput,
  beginUploadInput,
  errorReportInput,
  importProblemsInput,
  importRequestInput,
  uploadIdInput,
} from './schemas/imports.schema.js';
import { authedProcedure, router } from './trpc.js';

/**
 * Importing customers from CSV or XLSX. The file travels in chunks (begin, then upload each chunk in
 * order) because every API request is capped at 1 MiB on both transports; everything after names the
 * upload by id: inspect (headers, guessed mapping), preview (validation, duplicates, nothing written),
 * start, progress (polled), problems and the error report.
 */
export const importsRouter = router({
  begin: authedProcedure.input(beginUploadInput).mutation(({ ctx, input }) => imports.beginUpload(ctx.userCtx, input)),

  upload: authedProcedure.input(appendUploadInput).mutation(({ ctx, input }) => imports.appendUpload(ctx.userCtx, input)),

  inspect: authedProcedure.input(uploadIdInput).mutation(({ ctx, input }) => imports.inspectUpload(ctx.userCtx, input.uploadId)),

  preview: authedProcedure.input(importRequestInput).mutation(({ ctx, input }) => imports.previewImport(ctx.userCtx, input)),

  start: authedProcedure.input(importRequestInput).mutation(({ ctx, input }) => imports.startImport(ctx.userCtx, input)),

  progress: authedProcedure.input(uploadIdInput).query(({ ctx, input }) => imports.importProgress(ctx.userCtx, input.uploadId)),

  problems: authedProcedure.input(importProblemsInput).query(({ ctx, input }) => imports.importProblems(ctx.userCtx, input)),

  errorReport: authedProcedure.input(errorReportInput).mutation(({ ctx, input }) => imports.importErrorReport(ctx.userCtx, input)),

  discard: authedProcedure.input(uploadIdInput).mutation(({ ctx, input }) => imports.discardImport(ctx.userCtx, input.uploadId)),
});
