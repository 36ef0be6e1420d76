/** Whether two form values are the same (tags compare as lists). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface FieldChange<K> {
  key: K;
  theirs: unknown;
  mine: unknown;
  /** Both changed the field, to different values: reapplying mine overwrites theirs. */
  clash: boolean;
  changedByMe: boolean;
}

/**
 * A save refused as stale, field by field: what the colleague changed since my edit began (base →
 * theirs) and what I changed (base → mine). Reapplying puts my changed fields on top of their version,
 * so their other changes are kept.
 */
export function compareEdits<T extends object>(base: T, theirs: T, mine: T) {
  const keys = Object.keys(base) as (keyof T & string)[];
  const changes: FieldChange<keyof T & string>[] = [];
  for (const key of keys) {
    const changedByThem = !same(base[key], theirs[key]);
    const changedByMe = !same(base[key], mine[key]);
    if (!changedByThem && !changedByMe) continue;
    changes.push({ key, theirs: theirs[key], mine: mine[key], changedByMe, clash: changedByThem && changedByMe && !same(theirs[key], mine[key]) });
  }
  const reapplied = { ...theirs };
  for (const change of changes) if (change.changedByMe) reapplied[change.key] = mine[change.key];
  return { changes, reapplied };
}

/** A value the form shows as empty: nothing typed, nothing picked. */
export const isBlank = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** What a refused save's data carries besides the record (electron/services/stale-version.ts). */
export interface EditedBy {
  updatedByName: string | null;
}

/** A refused save's data: the record as it is saved now, and who saved it (null when no one is on record). */
export function latestOf<R extends object>(refused: R & EditedBy): { record: R; savedBy: string | null } {
  const { updatedByName, ...record } = refused;
  return { record: record as unknown as R, savedBy: updatedByName };
}
