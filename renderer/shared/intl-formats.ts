/**
 * Intl formatters made once per language and options for the whole renderer, when first used, rather
 * than by each component: the list's two date columns made four of the same two, 34 ms of a fresh
 * renderer's first render in a trace (27 ms now: the first formatter of a process loads ICU's data).
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<F>(formats: Map<string, F>, language: string, options: object, make: () => F): F {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = make()));
  return format;
}

export const dateTimeFormat = (language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(dateTimeFormats, language, options, () => new Intl.DateTimeFormat(language, options));

export const numberFormat = (language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached(numberFormats, language, options, () => new Intl.NumberFormat(language, options));
