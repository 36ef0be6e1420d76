// Legal-form suffixes that do not make two company names different. Longest first, so
// "股份有限公司" is removed whole rather than leaving "股份".
const LEGAL_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '分公司',
  '公司',
  'corporation',
  'company',
  'limited',
  'co.,ltd.',
  'co.,ltd',
  'co.ltd',
  'corp.',
  'corp',
  'inc.',
  'inc',
  'ltd.',
  'ltd',
  'llc',
  'gmbh',
  'co.',
];

/**
 * A company or person name folded for duplicate matching: full-width to half-width, lower case, no
 * spaces or punctuation, no legal suffix. "北京星辰科技有限公司" and "北京星辰科技" match; so do
 * "Acme Trading Co., Ltd." and "ACME TRADING".
 */
export function nameKey(name: string): string {
  let key = name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (key.endsWith(suffix) && key.length > suffix.length) {
        key = key.slice(0, -suffix.length).replace(/[,.]+$/, '');
        changed = true;
      }
    }
  }
  return key.replace(/[\p{P}\p{S}]/gu, '');
}
