import { useSyncExternalStore } from 'react';
import type { Interaction } from './types';

/** What the quick-log dialog is asked to do: log for a customer (or one to pick) or a lead, or edit an interaction. */
export interface QuickLogRequest {
  customerId?: number | undefined;
  lead?: LeadSubject | undefined;
  editing?: Interaction | undefined;
}

/** A lead not converted yet, logged to on its own page. */
export interface LeadSubject {
  id: number;
  name: string;
}

// One dialog for the whole app, opened from a shortcut, the header, a customer page or a timeline item.
let current: QuickLogRequest | null = null;
let opened = 0;
const listeners = new Set<() => void>();

function set(next: QuickLogRequest | null): void {
  current = next;
  listeners.forEach((listener) => listener());
}

export const quickLog = {
  open: (request: QuickLogRequest = {}) => {
    // Already open (the shortcut pressed again): keep what is being typed.
    if (current) return;
    opened++;
    set(request);
  },
  close: () => set(null),
};

/** The open request (null when closed) and a number that changes with each opening, to reset the form. */
export function useQuickLogRequest(): { request: QuickLogRequest | null; key: number } {
  const request = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  return { request, key: opened };
}
