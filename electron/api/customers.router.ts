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
import { permitted, router } from './trpc.js';

export const customersRouter = router({
  list: permitted('customers', 'view').input(listCustomersInput).query(({ ctx, input }) => customers.listCustomers(ctx.userCtx, input)),

  get: permitted('customers', 'view').input(z.object({ id })).query(({ ctx, input }) => customers.getCustomer(ctx.userCtx, input.id)),

  create: permitted('customers', 'create')
    .input(createCustomerInput)
    .mutation(({ ctx, input }) => customers.createCustomer(ctx.userCtx, input)),

  update: permitted('customers', 'edit')
    .input(updateCustomerInput)
    .mutation(({ ctx, input }) => customers.updateCustomer(ctx.userCtx, input)),

  delete: permitted('customers', 'delete')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => customers.deleteCustomer(ctx.userCtx, input.id)),

  /** Asked while the form is filled in, so the warning shows before saving. */
  checkDuplicates: permitted('customers', 'view').input(checkDuplicatesInput).query(({ ctx, input }) =>
    findDuplicates(ctx.userCtx, {
      companyName: input.name,
      mobile: input.mobile,
      landline: input.landline,
      email: input.email,
      excludeCustomerId: input.excludeCustomerId,
      excludeContactId: input.excludeContactId,
    }),
  ),

  tags: permitted('customers', 'view').query(({ ctx }) => customers.listCustomerTags(ctx.userCtx)),

  /** Under customers, so every customer change refreshes an open history too. */
  history: permitted('customers', 'view').input(customerHistoryInput).query(({ ctx, input }) => customerHistory(ctx.userCtx, input)),
});
