import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phone numbers as a Chinese small office writes them: mainland mobiles (13800138000), landlines with an
 * area code and an optional extension (010-62345678 转 801), and international numbers in E.164
 * (+44 20 7946 0958). Stored normalized (E.164, extension as ";ext=") so matching ignores formatting;
 * shown formatted.
 */
export type PhoneKind = 'mobile' | 'landline';

export interface ParsedPhone {
  /** E.164 plus an optional ";ext=NNN": what is stored and matched. */
  normalized: string;
  /** Human formatting for display. */
  display: string;
  /** Digit strings a partial-digits search should find this number by. */
  searchDigits: string[];
}

const CN_MOBILE = /^1[3-9]\d{9}$/;
// 0 + area code (10 or 2X: two digits; otherwise three) + a 7-8 digit local number not starting 0/1.
const CN_LANDLINE = /^0(?:(10|2\d)([2-9]\d{7})|([3-9]\d{2})([2-9]\d{6,7}))$/;
const EXTENSION = /\s*(?:转|分机|ext\.?|x|#|-)\s*(\d{1,6})$/i;

function stripSeparators(text: string): string {
  return text.replace(/[\s\-().（）]/g, '');
}

/** "+86 138…", "0086138…", "86138…" (13 digits) → national digits; null when not Chinese-prefixed. */
function chineseNational(digitsWithPlus: string): string | null {
  const m = /^(?:\+86|0086)(\d+)$/.exec(digitsWithPlus);
  if (m?.[1]) return m[1];
  if (/^86\d{11}$/.test(digitsWithPlus)) return digitsWithPlus.slice(2);
  return null;
}

function parseCnMobile(national: string): ParsedPhone | null {
  if (!CN_MOBILE.test(national)) return null;
  return {
    normalized: `+86${national}`,
    display: `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
    searchDigits: [national],
  };
}

function parseCnLandline(national: string, extension: string | undefined): ParsedPhone | null {
  // Written with +86 the trunk 0 is dropped: +86 10 62345678.
  const withTrunk = national.startsWith('0') ? national : `0${national}`;
  const m = CN_LANDLINE.exec(withTrunk);
  if (!m) return null;
  const area = m[1] ?? m[3] ?? '';
  const local = m[2] ?? m[4] ?? '';
  const ext = extension ? `;ext=${extension}` : '';
  const localShown = local.length === 8 ? `${local.slice(0, 4)} ${local.slice(4)}` : `${local.slice(0, 3)} ${local.slice(3)}`;
  return {
    normalized: `+86${area}${local}${ext}`,
    display: `0${area}-${localShown}${extension ? ` 转 ${extension}` : ''}`,
    searchDigits: [`0${area}${local}`],
  };
}

function parseInternational(text: string): ParsedPhone | null {
  const international = text.startsWith('00') ? `+${text.slice(2)}` : text;
  const phone = parsePhoneNumberFromString(international);
  if (!phone || !phone.isValid()) return null;
  return {
    normalized: phone.ext ? `${phone.number};ext=${phone.ext}` : phone.number,
    display: phone.formatInternational(),
    searchDigits: [phone.nationalNumber, `${phone.countryCallingCode}${phone.nationalNumber}`],
  };
}

/** Parses what a person typed; null when it is not a valid number of that kind. */
export function parsePhone(input: string, kind: PhoneKind): ParsedPhone | null {
  const text = input.trim();
  if (text === '') return null;
  const extMatch = kind === 'landline' ? EXTENSION.exec(text) : null;
  // A trailing "-801" is an extension only if what is left is still a whole landline.
  const candidates: [string, string | undefined][] = extMatch
    ? [
        [stripSeparators(text.slice(0, extMatch.index)), extMatch[1]],
        [stripSeparators(text), undefined],
      ]
    : [[stripSeparators(text), undefined]];
  for (const [compact, extension] of candidates) {
    if (!/^\+?\d+$/.test(compact)) continue;
    const national = chineseNational(compact) ?? (compact.startsWith('+') || compact.startsWith('00') ? null : compact);
    if (national !== null) {
      const parsed = kind === 'mobile' ? parseCnMobile(national) : parseCnLandline(national, extension);
      if (parsed) return parsed;
      continue;
    }
    const international = parseInternational(extension ? `${compact} ext. ${extension}` : compact);
    if (international) return international;
  }
  return null;
}

// Display forms of stored international numbers, by stored form. Formatting one with libphonenumber costs
// some 30 µs, and a list page refetched after every colleague's change shows the same numbers again.
const internationalDisplays = new Map<string, string>();
const DISPLAYS_KEPT = 10_000;

/** Formats a stored (normalized) number for display. */
export function formatPhone(normalized: string): string {
  const [number = '', ext] = normalized.split(';ext=');
  if (number.startsWith('+86')) {
    const national = number.slice(3);
    const parsed = parseCnMobile(national) ?? parseCnLandline(national, ext);
    if (parsed) return parsed.display;
  }
  let display = internationalDisplays.get(normalized);
  if (display === undefined) {
    display = parseInternational(ext ? `${number} ext. ${ext}` : number)?.display ?? normalized;
    // Forgotten all at once when full: simpler than an LRU, and refilled by the next pages shown.
    if (internationalDisplays.size >= DISPLAYS_KEPT) internationalDisplays.clear();
    internationalDisplays.set(normalized, display);
  }
  return display;
}

/**
 * Digits a search should find a stored number by. Chinese numbers by their national digits only: a
 * search typed with +86 drops it (db/search.ts), and a second, "86…" form in the trigram index cost a
 * fifth of an import's time. Other countries' numbers by national and international digits.
 */
export function phoneSearchDigits(normalized: string): string[] {
  const [number = '', ext] = normalized.split(';ext=');
  if (number.startsWith('+86')) {
    const national = number.slice(3);
    const parsed = parseCnMobile(national) ?? parseCnLandline(national, ext);
    if (parsed) return parsed.searchDigits;
  }
  return parseInternational(number)?.searchDigits ?? [number.replace(/\D/g, '')];
}
