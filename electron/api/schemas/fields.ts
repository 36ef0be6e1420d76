import { z } from 'zod';
import { parsePhone, type PhoneKind } from '../../services/validation/phone.js';

/**
 * Field schemas shared by every form. Messages are message keys (errors.*), translated by the renderer,
 * so each field error reaches the user in their language.
 */

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v);

export const requiredText = (max: number) => z.string('required').trim().min(1, 'required').max(max, 'tooLong');

export const optionalText = (max: number) =>
  z.string('invalid').trim().max(max, 'tooLong').nullish().transform(blankToNull);

export const optionalEmail = z
  .string('invalid')
  .trim()
  .toLowerCase()
  .max(254, 'tooLong')
  .refine((v) => v === '' || z.regexes.email.test(v), 'invalidEmail')
  .nullish()
  .transform(blankToNull);

export const optionalPhone = (kind: PhoneKind) =>
  z
    .string('invalid')
    .trim()
    .max(40, 'tooLong')
    .refine((v) => v === '' || parsePhone(v, kind) !== null, kind === 'mobile' ? 'invalidMobile' : 'invalidLandline')
    .nullish()
    .transform(blankToNull);

/** A calendar date, YYYY-MM-DD, that exists. */
export const optionalDate = z
  .string('invalid')
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), 'invalidDate')
  .nullish()
  .transform(blankToNull);

function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A local time of day, HH:mm (24-hour). */
export const timeOfDay = z.string('required').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidTime');

export const id = z.number('invalid').int('invalid').positive('invalid');
export const version = z.number('invalid').int('invalid').positive('invalid');

/** Any ISO instant, stored as UTC with milliseconds (toISOString), so text order is time order. */
export const utcInstant = z.iso
  .datetime({ offset: true, error: 'invalidDate' })
  .transform((v) => new Date(v).toISOString());
