import { TRPCClientError } from '@trpc/client';
import { useSyncExternalStore } from 'react';
import { appErrorOf } from './app-error';

/** A call that failed because the host could not be reached (not a refusal by the host). */
export function isConnectionError(error: unknown): boolean {
  const app = appErrorOf(error);
  if (app) return app.code === 'host_unreachable';
  // No API answer at all (fetch itself failed: browser offline, host down): the error carries no data.
  return error instanceof TRPCClientError && !error.data;
}

let offline = false;
const listeners = new Set<() => void>();

/** Set by the query cache as calls fail and succeed; read by the offline banner. */
export function setOffline(next: boolean): void {
  if (offline === next) return;
  offline = next;
  for (const listener of listeners) listener();
}

export function useOffline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => offline,
  );
}
