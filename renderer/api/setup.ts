import type { SetupState } from '../../electron/client/setup-api';
import type { FoundHost } from '../../electron/lan/announce';
import type { AppErrorCode, FieldErrors } from './app-error';
import { apiFetch } from './client';

export type { SetupState, FoundHost };

export interface ProbedHost {
  url: string;
  fingerprint: string;
  pairingCode: string;
  version: string;
}

/** A refused setup call: the same code and field messages as any API error. */
export class SetupError extends Error {
  constructor(
    readonly code: AppErrorCode | 'unexpected',
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(code);
  }
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const response = await apiFetch(`/api/setup/${path}`, {
    method: body === undefined && path === 'state' ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? (path === 'state' ? undefined : '{}') : JSON.stringify(body),
  }).catch(() => null);
  if (!response) throw new SetupError('host_unreachable');
  const json = (await response.json().catch(() => null)) as { error?: { code: AppErrorCode; fieldErrors?: FieldErrors } } | null;
  if (!response.ok) throw new SetupError(json?.error?.code ?? 'unexpected', json?.error?.fieldErrors);
  return json as T;
}

export const setupApi = {
  /** null when this is not a desktop copy (a browser on the office host): nothing to choose. */
  state: () => call<SetupState>('state').catch((error: unknown) => (error instanceof SetupError && error.code === 'not_found' ? null : Promise.reject(error))),
  discover: () => call<FoundHost[]>('discover', {}),
  probe: (address: string) => call<ProbedHost>('probe', { address }),
  connect: (host: ProbedHost) => call<SetupState>('connect', { url: host.url, fingerprint: host.fingerprint }),
  createLocal: () => call<SetupState>('create-local', {}),
  disconnect: () => call<SetupState>('disconnect', {}),
};
