/** Names compared the way people tell them apart: case and full-width forms do not count (Ａli = ali). */
export const fold = (name: string) => name.normalize('NFKC').toLowerCase();

/** Whether a record other than `exceptId` already has this name. */
export function nameTaken(records: { id: number; name: string }[], name: string, exceptId?: number): boolean {
  const folded = fold(name);
  return records.some((record) => record.id !== exceptId && fold(record.name) === folded);
}
