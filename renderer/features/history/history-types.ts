import type { RouterOutputs } from '../../api/types';

export type HistoryPage = RouterOutputs['customers']['history'];
export type HistoryEntry = HistoryPage['items'][number];
export type FieldChange = HistoryEntry['changes'][number];
