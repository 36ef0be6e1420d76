import { z } from 'zod';
import * as contacts from '../services/contacts.service.js';
import { createContactInput, updateContactInput } from './schemas/customers.schema.js';
import { id } from './schemas/fields.js';
import { permitted, router } from './trpc.js';

export const contactsRouter = router({
  create: permitted('customers', 'edit').input(createContactInput).mutation(({ ctx, input }) => contacts.createContact(ctx.userCtx, input)),

  update: permitted('customers', 'edit').input(updateContactInput).mutation(({ ctx, input }) => contacts.updateContact(ctx.userCtx, input)),

  delete: permitted('customers', 'edit')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => contacts.deleteContact(ctx.userCtx, input.id)),
});
