import { z } from 'zod';
import { ROLES } from '../../services/permissions.js';
import { newPassword, username } from './auth.schema.js';
import { id, requiredText } from './fields.js';

const displayName = requiredText(60);
const role = z.enum(ROLES, 'required');
const teamId = id.nullish().transform((v) => v ?? null);

/** An account's details an administrator edits. */
const accountFields = z.object({ displayName, role, teamId });

export const createUserInput = accountFields.extend({ username, password: newPassword });

export const updateUserInput = accountFields.extend({ id });

export const userIdInput = z.object({ id });

export const resetPasswordInput = z.object({ id, password: newPassword });

export const changeOwnPasswordInput = z.object({
  currentPassword: z.string('required').min(1, 'required').max(200, 'tooLong'),
  newPassword,
});

const teamName = requiredText(60);

export const createTeamInput = z.object({ name: teamName });

export const renameTeamInput = z.object({ id, name: teamName });

/** managerId null: the team has no manager. */
export const setTeamManagerInput = z.object({ id, managerId: id.nullable() });

export const teamIdInput = z.object({ id });

export type CreateUserInput = z.output<typeof createUserInput>;
export type UpdateUserInput = z.output<typeof updateUserInput>;
export type ChangeOwnPasswordInput = z.output<typeof changeOwnPasswordInput>;
export type SetTeamManagerInput = z.output<typeof setTeamManagerInput>;
