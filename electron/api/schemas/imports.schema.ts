import { z } from 'zod';
import { DUPLICATE_POLICIES } from '../../services/import/import-run.js';
import { IMPORT_FIELDS } from '../../services/import/import-fields.js';

const uploadId = z.uuid('invalid');

/** Base64 of at most 512 KiB: with the JSON around it, a chunk stays well under the API's 1 MiB body limit. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
const base64Chunk = z
  .string()
  .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, 'tooLong')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'invalid');

export const beginUploadInput = z.object({
  fileName: z.string().trim().min(1, 'required').max(255, 'tooLong'),
  size: z.number().int().min(1, 'emptyFile'),
});

export const appendUploadInput = z.object({ uploadId, offset: z.number().int().min(0), data: base64Chunk });

export const uploadIdInput = z.object({ uploadId });

const mapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(1000));

export const importRequestInput = z.object({ uploadId, mapping, policy: z.enum(DUPLICATE_POLICIES) });

export const importProblemsInput = z.object({
  uploadId,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const errorReportInput = z.object({
  uploadId,
  labels: z.object({
    line: z.string().max(60),
    reason: z.string().max(60),
    texts: z.record(z.string().max(60), z.string().max(200)).refine((texts) => Object.keys(texts).length <= 200, 'tooMany'),
  }),
});
