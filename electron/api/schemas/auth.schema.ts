import { z } from 'zod';
import { requiredText } from './fields.js';

const username = z
  .string('required')
  .trim()
  .min(1, 'required')
  .max(40, 'tooLong')
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'invalidUsername');

export const loginInput = z.object({
  username,
  password: z.string('required').min(1, 'required').max(200, 'tooLong'),
});

export const setupOwnerInput = z.object({
  username,
  displayName: requiredText(60),
  password: z.string('required').min(8, 'passwordTooShort').max(200, 'tooLong'),
});
