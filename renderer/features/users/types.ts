import type { RouterInputs, RouterOutputs } from '../../api/types';

export type UserAccount = RouterOutputs['users']['accounts'][number];
export type Team = RouterOutputs['teams']['list'][number];
export type Role = UserAccount['role'];
export type CreateUserInput = RouterInputs['users']['create'];
