/**
 * How an export writes values for people, in their language and time zone. The host has no
 * translations: the renderer sends the words for stored choice values, and the headers.
 */
export interface CellFormat {
  /** A stored choice value ("stage", "prospect") as the word the user reads; a value without one as stored. */
  word(group: string, value: string | null | undefined): string;
  /** A stored UTC instant as "2026-03-05 14:22" in the user's time zone: what a spreadsheet sorts and reads well. */
  instant(iso: string | null | undefined): string;
}

export interface FormatOptions {
  /** "stage.prospect" → "潜在客户". */
  values: Record<string, string>;
  /** IANA time zone. */
  timeZone: string;
}

const DAY = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;

/** The calendar day of an instant in a time zone, YYYY-MM-DD ('sv-SE' writes ISO-like dates). */
export function localDay(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, ...DAY }).format(at);
}

export function cellFormat({ values, timeZone }: FormatOptions): CellFormat {
  const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone, ...DAY, hour: '2-digit', minute: '2-digit' });
  return {
    word: (group, value) => (value ? (values[`${group}.${value}`] ?? value) : ''),
    instant: (iso) => (iso ? dateTime.format(new Date(iso)) : ''),
  };
}
