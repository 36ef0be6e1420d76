import type { RouterInputs, RouterOutputs } from '../../api/types';

export type TimelinePage = RouterOutputs['interactions']['timeline'];
export type Interaction = TimelinePage['items'][number];
export type InteractionType = Interaction['type'];
export type InteractionDirection = NonNullable<Interaction['direction']>;
export type LogInteractionInput = RouterInputs['interactions']['log'];
