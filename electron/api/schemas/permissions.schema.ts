import { z } from 'zod';
import { ACTIONS, MODULES, ROLES } from '../../services/permissions.js';

// Every role named (a module left out keeps its default), each action at most once.
const actions = z.array(z.enum(ACTIONS)).max(ACTIONS.length).refine((list) => new Set(list).size === list.length, 'invalid');

export const permissionMatrixInput = z.record(z.enum(ROLES), z.partialRecord(z.enum(MODULES), actions));
