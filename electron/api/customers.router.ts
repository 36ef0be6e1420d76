import { z } from 'zod';
import * as customers from '../services/customers.service.js';
import { customerHistory } from '../services/history.service.js';
import { findDuplicates } from '../services/duplicates.service.js';
import { id } from './schemas/fields.js';
import {
  checkDuplicatesInput,
  createCustomerInput,
  listCustomersInput,
  updateCustomerInput,
} from './schemas/customers.schema.js';
import { customerHistoryInput } from './schemas/history.schema.js';
import { authedProcedure, router } from './trpc.js';

export const customersRouter = router({
  list: authedProcedure.input(listCustomersInput).query(({ ctx, input }) => customers.listCustomers(ctx.userCtx, input)),

  get: authedProcedure.input(z.object({ id })).query(({ ctx, input }) => customers.getCustomer(ctx.userCtx, input.id)),

  create: authedProcedure
    .input(createCustomerInput)
    .mutation(({ ctx, input }) => customers.createCustomer(ctx.userCtx, input)),

  update: authedProcedure
    .input(updateCustomerInput)
    .mutation(({ ctx, input }) => customers.updateCustomer(ctx.userCtx, input)),

  delete: authedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => customers.deleteCustomer(ctx.userCtx, input.id)),

  /** Asked while the form is filled in, so the warning shows before saving. */
  checkDuplicates: authedProcedure.input(checkDuplicatesInput).query(({ ctx, input }) =>
    findDuplicates(ctx.userCtx, {
      companyName: input.name,
      mobile: input.mobile,
      landline: input.landline,
      email: input.email,
      excludeCustomerId: input.excludeCustomerId,
      excludeContactId: input.excludeContactId,
    }),
  ),

  tags: authedProcedure.query(({ ctx }) => customers.listCustomerTags(ctx.userCtx)),

  /** Under customers, so every customer change refreshes an open history too. */
  history: authedProcedure.input(customerHistoryInput).query(({ ctx, input }) => customerHistory(ctx.userCtx, input)),
});
