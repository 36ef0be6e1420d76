import type { RouterOutputs } from '../../api/types';

export type LanStatus = RouterOutputs['lan']['status'];
