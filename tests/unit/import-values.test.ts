import { describe, expect, it } from 'vitest';
import customersEn from '../../renderer/i18n/customers.en.json' with { type: 'json' };
import customersZh from '../../renderer/i18n/customers.zh-CN.json' with { type: 'json' };
import { decodeText } from '../../electron/services/import/decode.js';
import { parseCsv } from '../../electron/services/import/parse-csv.js';
import { calendarDate } from '../../electron/services/import/row-validate.js';
import { choiceValue } from '../../electron/services/import/value-aliases.js';

describe('import: words for choice fields', () => {
  it.each([
    ['en', customersEn],
    ['zh-CN', customersZh],
  ])('accepts every %s label the app shows (and exports) for kind, stage, source and gender', (_lang, words) => {
    for (const field of ['kind', 'stage', 'source', 'gender'] as const) {
      for (const [value, label] of Object.entries(words[field])) expect(choiceValue(field, label)).toBe(value);
    }
    for (const tier of ['A', 'B', 'C', 'D']) expect(choiceValue('tier', words.customer.tierLabel.replace('{{tier}}', tier))).toBe(tier);
  });

  it('leaves unknown words as written, for validation to refuse', () => {
    expect(choiceValue('stage', '不知道')).toBe('不知道');
  });

  it('reads dates the way spreadsheets write them', () => {
    expect(['2026/3/5', '2026.03.05', '2026年3月5日', '2026-03-05 00:00:00'].map(calendarDate)).toEqual(Array(4).fill('2026-03-05'));
  });
});

describe('import: reading text files', () => {
  it('decodes UTF-16 with a BOM (Excel "Unicode text") and reads its tabs', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('客户名称\t手机\n甲\t1\n', 'utf16le'))]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('utf-16le');
    expect(parseCsv(text)).toEqual({ headers: ['客户名称', '手机'], rows: [{ line: 2, cells: ['甲', '1'] }], broken: [] });
  });

  it('resumes after a broken record and keeps quoted line breaks inside a field', () => {
    const table = parseCsv('a,b\n1,"x\ny"\n"2,3\n4,5\n6,"7"8\n9,10');
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'x\ny'] },
      { line: 5, cells: ['4', '5'] },
      { line: 7, cells: ['9', '10'] },
    ]);
    expect(table.broken.map((b) => [b.line, b.reason])).toEqual([
      [4, 'badQuote'],
      [6, 'badQuote'],
    ]);
  });
});
