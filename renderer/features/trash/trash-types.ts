import type { RouterInputs, RouterOutputs } from '../../api/types';
import type { TrashConflict } from '../../../electron/services/trash.service';

export type TrashItem = RouterOutputs['trash']['list']['items'][number];
export type TrashKind = TrashItem['kind'];
export type TrashListInput = RouterInputs['trash']['list'];
export type { TrashConflict };
