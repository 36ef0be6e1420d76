import type { RouterInputs, RouterOutputs } from '../../api/types';

export type PipelineStage = RouterOutputs['pipeline']['stages'][number];
export type Board = RouterOutputs['opportunities']['board'];
export type BoardColumnData = Board['columns'][number];
export type DealCard = BoardColumnData['cards'][number];
export type DealDetail = RouterOutputs['opportunities']['get'];
export type DealListInput = RouterInputs['opportunities']['list'];
export type DealSortKey = NonNullable<DealListInput['sort']>;
export type Currency = NonNullable<RouterInputs['opportunities']['create']['currency']>;
export type MoneyTotal = BoardColumnData['totals'][number];
