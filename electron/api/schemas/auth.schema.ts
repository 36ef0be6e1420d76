import { z } from 'zod';
import { requiredText } from './fields.js';

export const username = z
  .string('required')
  .trim()
  .min(1, 'required')
  .max(40, 'tooLong')
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'invalidUsername');

/** A password being chosen (first start, a new account, a reset, a change). */
export const newPassword = z.string('required').min(8, 'passwordTooShort').max(200, 'tooLong');

export const loginInput = z.object({
  username,
  password: z.string('required').min(1, 'required').max(200, 'tooLong'),
});

export const setupOwnerInput = z.object({
  username,
  displayName: requiredText(60),
  password: newPassword,
});
