import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone, phoneSearchDigits } from '../../electron/services/validation/phone.js';

describe('parsePhone: mainland mobiles', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['0086 13800138000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['19912345678', '+8619912345678'],
  ])('%s is stored as %s and shown grouped', (input, normalized) => {
    const phone = parsePhone(input, 'mobile');
    expect(phone?.normalized).toBe(normalized);
    expect(phone?.display).toMatch(/^1\d\d \d{4} \d{4}$/);
  });

  it.each(['12800138000', '1380013800', '138001380001', '23800138000', 'abc', '138OO138000', ''])(
    '%s is not a mobile',
    (input) => expect(parsePhone(input, 'mobile')).toBeNull(),
  );
});

describe('parsePhone: landlines with area code and extension', () => {
  it.each([
    ['010-62345678', '+861062345678', '010-6234 5678'],
    ['(010) 6234 5678', '+861062345678', '010-6234 5678'],
    ['021 5888 1234', '+862158881234', '021-5888 1234'],
    ['0755-88881234', '+8675588881234', '0755-8888 1234'],
    ['0571-8888123', '+865718888123', '0571-888 8123'],
    ['0571-88881234-801', '+8657188881234;ext=801', '0571-8888 1234 转 801'],
    ['010 6234 5678 转 801', '+861062345678;ext=801', '010-6234 5678 转 801'],
    ['010-62345678 ext. 12', '+861062345678;ext=12', '010-6234 5678 转 12'],
    ['+86 10 6234 5678', '+861062345678', '010-6234 5678'],
  ])('%s is stored as %s and shown as %s', (input, normalized, display) => {
    const phone = parsePhone(input, 'landline');
    expect(phone?.normalized).toBe(normalized);
    expect(phone?.display).toBe(display);
    expect(formatPhone(normalized)).toBe(display);
  });

  it.each(['62345678', '010-1234567', '0755-888812', '010-6234567890', '13800138000'])('%s is not a landline', (input) =>
    expect(parsePhone(input, 'landline')).toBeNull(),
  );
});

describe('parsePhone: international numbers', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958', 'landline'],
    ['0044 20 7946 0958', '+442079460958', 'landline'],
    ['+1 415 555 2671', '+14155552671', 'mobile'],
    ['+852 9123 4567', '+85291234567', 'mobile'],
    ['+44 20 7946 0958 ext 12', '+442079460958;ext=12', 'landline'],
  ] as const)('%s is stored as E.164 %s', (input, normalized, kind) => {
    expect(parsePhone(input, kind)?.normalized).toBe(normalized);
  });

  it.each(['+44 12', '+999 1234567', '+1 000 000 0000'])('%s is refused', (input) =>
    expect(parsePhone(input, 'mobile')).toBeNull(),
  );
});

describe('phoneSearchDigits', () => {
  it('finds a Chinese number by its national digits, and another country\'s by national and international digits', () => {
    expect(phoneSearchDigits('+8613800138000')).toEqual(['13800138000']);
    expect(phoneSearchDigits('+861062345678;ext=801')).toEqual(['01062345678']);
    expect(phoneSearchDigits('+442079460958')).toEqual(['2079460958', '442079460958']);
  });
});
