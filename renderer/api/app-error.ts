import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../electron/api/router';
import type { AppErrorData } from '../../electron/api/trpc';

export type AppErrorCode = AppErrorData['code'];
export type FieldErrors = Record<string, string>;

/** The API's typed error (code, field message keys, record) behind a failed call, if the API sent one. */
export function appErrorOf(error: unknown): AppErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  return (error as TRPCClientError<AppRouter>).data?.app ?? null;
}

export function hasErrorCode(error: unknown, code: AppErrorCode): boolean {
  return appErrorOf(error)?.code === code;
}

/**
 * The field errors under one form prefix ("primaryContact."), keyed by the field name without it.
 * An error on a list item ("tags.3") belongs to the list's field ("tags").
 */
export function fieldErrorsOf(error: unknown, prefix = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const [path, messageKey] of Object.entries(appErrorOf(error)?.fieldErrors ?? {})) {
    if (!path.startsWith(prefix)) continue;
    const field = path.slice(prefix.length).split('.')[0] ?? '';
    fields[field] ??= messageKey;
  }
  return fields;
}

/**
 * The record an error carries for the screen: the matches of a 'duplicate', the current record of a
 * 'conflict'. The API documents the shape per code; the type parameter states it.
 */
export function errorDataOf<T>(error: unknown, code: 'duplicate' | 'conflict'): T | null {
  const app = appErrorOf(error);
  return app?.code === code ? (app.data as T) : null;
}
