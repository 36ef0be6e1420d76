import type { RouterInputs, RouterOutputs } from '../../api/types';

export type DuplicatePair = RouterOutputs['duplicates']['pairs']['items'][number];
export type PairCustomer = DuplicatePair['a'];
export type PairReason = DuplicatePair['reasons'][number];
export type MergeChoices = NonNullable<RouterInputs['duplicates']['merge']['choices']>;
export type MergeField = keyof MergeChoices;
