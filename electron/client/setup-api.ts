import { z } from 'zod';
import { fieldErrorsOf } from '../api/trpc.js';
import { AppError } from '../services/errors.js';

/** First start of a desktop copy: which of the two ways it works, chosen once. */
export type CopyMode = 'choose' | 'local' | 'remote';

export interface SetupState {
  mode: CopyMode;
  /** In remote mode: the office host and its pairing code. */
  server: { url: string; pairingCode: string } | null;
}

export const SETUP_PATH = '/api/setup/';

export const probeInput = z.object({ address: z.string().trim().min(1, 'required').max(300, 'tooLong') });
export const connectInput = z.object({ url: z.string().max(300), fingerprint: z.string().max(200) });

/** The body of a setup call, checked like any API input: a bad one gets field messages. */
export async function parseInput<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await req.json().catch(() => null);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new AppError('validation', 'Some fields are not valid', { fieldErrors: fieldErrorsOf(parsed.error) });
}

const STATUS: Partial<Record<string, number>> = { validation: 400, host_not_office_crm: 400, host_unreachable: 503, host_certificate_changed: 502 };

/** An error as the renderer's setup screen reads it: `{ error: { code, fieldErrors } }`. */
export function setupError(error: unknown): Response {
  if (!(error instanceof AppError)) throw error;
  return Response.json(
    { error: { code: error.code, fieldErrors: error.details.fieldErrors } },
    { status: STATUS[error.code] ?? 400 },
  );
}
