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
