import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_ENTRY = 'office-crm.sqlite';
const FORMAT = 'office-crm-backup';

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  appVersion: z.string(),
  schemaVersion: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  database: z.object({
    file: z.literal(DATABASE_ENTRY),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  rowCounts: z.record(z.string(), z.number().int().min(0)),
});

/** What a backup says about itself: enough to check it and to tell the user what a restore brings back. */
export type Manifest = z.infer<typeof manifestSchema>;

export function buildManifest(fields: Omit<Manifest, 'format' | 'formatVersion' | 'database'> & { database: { size: number; sha256: string } }): Manifest {
  return { format: FORMAT, formatVersion: 1, ...fields, database: { file: DATABASE_ENTRY, ...fields.database } };
}

/** The manifest in a backup, or null when the text is not one of ours. */
export function parseManifest(text: string): Manifest | null {
  try {
    const result = manifestSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
