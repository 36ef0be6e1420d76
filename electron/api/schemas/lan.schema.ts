import { z } from 'zod';

export const lanSettingsInput = z.object({
  enabled: z.boolean(),
  // Below 1024 needs administrator rights on most systems; an office PC runs the app as a normal user.
  port: z.number('invalid').int('invalidPort').min(1024, 'invalidPort').max(65535, 'invalidPort'),
});
