import { useState } from 'react';
import { errorDataOf, type AppErrorCode } from '../../api/app-error';
import type { Form } from '../../shared/useForm';
import { latestOf, type EditedBy } from './edit-merge';

/** The update call's meta: its conflict shows in the conflict dialog, not as a notification too. */
export const SHOWS_CONFLICT = { shown: ['conflict'] } satisfies { shown: AppErrorCode[] };

/** A colleague saved the record first: the form's three versions, who saved theirs, and the two ways on. */
export interface EditConflict<V> {
  /** The form as my edit started, as the colleague saved it, and as I have it now. */
  base: V;
  theirs: V;
  mine: V;
  savedBy: string | null;
  /** Go on from their version with these values (mine on top of theirs). */
  onReapply(values: V): void;
  /** Go on from their version as they left it. */
  onDiscard(): void;
}

/** A record a save must name the version of. */
type Versioned = { id: number; version: number };

interface VersionedEditOptions<B extends Versioned | null | undefined, V extends object> {
  /** The record being edited; none (null or undefined) for a new one. */
  record: B;
  form: Form<V>;
  /** The form's values for a version of the record. */
  valuesOf(record: NonNullable<B>): V;
  /** The update call: a refused save's error carries their version. */
  update: { error: unknown; reset(): void };
  /** Their version, once the user goes on from it (to refresh what else shows the record). */
  onLatest?(record: NonNullable<B>): void;
}

/**
 * An edit of a versioned record. `base` is the version the edit started from: a save names it, so a
 * colleague's newer save is refused rather than overwritten. When it is, `conflict` holds what the
 * conflict dialog shows; either way on, the form continues from their version, so the next save goes through.
 */
export function useVersionedEdit<B extends Versioned | null | undefined, V extends object>({
  record,
  form,
  valuesOf,
  update,
  onLatest,
}: VersionedEditOptions<B, V>): { base: B; conflict: EditConflict<V> | null } {
  const [base, setBase] = useState(record);
  const refused = errorDataOf<NonNullable<B> & EditedBy>(update.error, 'conflict');
  if (!base || !refused) return { base, conflict: null };

  const { record: latest, savedBy } = latestOf<NonNullable<B>>(refused);
  const theirs = valuesOf(latest);
  const continueWith = (values: V) => {
    setBase(latest);
    form.reset(values);
    update.reset();
    onLatest?.(latest);
  };
  return {
    base,
    conflict: { base: valuesOf(base), theirs, mine: form.values, savedBy, onReapply: continueWith, onDiscard: () => continueWith(theirs) },
  };
}
