import { dismissDuplicatePair, listDuplicatePairs } from '../services/duplicate-finder.service.js';
import { mergeCustomers } from '../services/merge.service.js';
import { dismissPairInput, listDuplicatePairsInput, mergeCustomersInput } from './schemas/duplicates.schema.js';
import { permitted, router } from './trpc.js';

export const duplicatesRouter = router({
  /** Likely duplicate pairs among the customers the user can see, a page at a time. */
  pairs: permitted('customers', 'edit').input(listDuplicatePairsInput).query(({ ctx, input }) => listDuplicatePairs(ctx.userCtx, input)),

  /** "Not a duplicate": remembered, the pair is not listed again. */
  dismiss: permitted('customers', 'edit').input(dismissPairInput).mutation(({ ctx, input }) => dismissDuplicatePair(ctx.userCtx, input)),

  merge: permitted('customers', 'delete').input(mergeCustomersInput).mutation(({ ctx, input }) => mergeCustomers(ctx.userCtx, input)),
});
