import { z } from 'zod';
import { timeOfDay } from './fields.js';

const count = (max: number) => z.number('invalid').int('invalid').min(1, 'invalid').max(max, 'tooLarge');

export const backupSettingsInput = z.object({
  /** An absolute folder (USB disk, NAS share); empty keeps backups in the data folder. */
  folder: z
    .string('invalid')
    .trim()
    .max(1000, 'tooLong')
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || /^(\/|[a-zA-Z]:[\\/]|\\\\)/.test(v), 'absolutePath'),
  time: timeOfDay,
  retention: z.object({ daily: count(366), weekly: count(520), monthly: count(1200) }),
});

export const backupPasswordInput = z
  .object({
    password: z.string('required').min(8, 'passwordTooShort').max(200, 'tooLong'),
    confirm: z.string('required'),
  })
  .refine((v) => v.password === v.confirm, { message: 'passwordMismatch', path: ['confirm'] });

/** A backup from the list (by name) or any backup file on the host computer (by absolute path). */
export const restoreInput = z
  .object({
    name: z.string().max(200).optional(),
    path: z
      .string('invalid')
      .trim()
      .max(1000, 'tooLong')
      .refine((v) => /^(\/|[a-zA-Z]:[\\/]|\\\\)/.test(v), 'absolutePath')
      .optional(),
    password: z
      .string()
      .max(200)
      .nullish()
      .transform((v) => v || null),
  })
  .refine((v) => (v.name === undefined) !== (v.path === undefined), { message: 'required', path: ['path'] });

export type BackupSettingsInput = z.output<typeof backupSettingsInput>;
export type RestoreInput = z.output<typeof restoreInput>;
