import { z } from 'zod';
import { leadHistory } from '../services/history.service.js';
import { assignLead, listAssignmentRules, listTeamOptions, saveAssignmentRules } from '../services/lead-assignment.service.js';
import { convertLead } from '../services/lead-conversion.service.js';
import * as leads from '../services/leads.service.js';
import { id } from './schemas/fields.js';
import { leadHistoryInput } from './schemas/history.schema.js';
import {
  assignLeadInput,
  convertLeadInput,
  createLeadInput,
  leadSourcesInput,
  listLeadsInput,
  saveRulesInput,
  updateLeadInput,
} from './schemas/leads.schema.js';
import { permitted, router } from './trpc.js';

export const leadsRouter = router({
  list: permitted('leads', 'view').input(listLeadsInput).query(({ ctx, input }) => leads.listLeads(ctx.userCtx, input)),
  get: permitted('leads', 'view').input(z.object({ id })).query(({ ctx, input }) => leads.getLead(ctx.userCtx, input.id)),
  /** Under leads, so every lead change refreshes an open history too. */
  history: permitted('leads', 'view').input(leadHistoryInput).query(({ ctx, input }) => leadHistory(ctx.userCtx, input)),
  create: permitted('leads', 'create').input(createLeadInput).mutation(({ ctx, input }) => leads.createLead(ctx.userCtx, input)),
  update: permitted('leads', 'edit').input(updateLeadInput).mutation(({ ctx, input }) => leads.updateLead(ctx.userCtx, input)),
  delete: permitted('leads', 'delete').input(z.object({ id })).mutation(({ ctx, input }) => leads.deleteLead(ctx.userCtx, input.id)),
  assign: permitted('leads', 'edit').input(assignLeadInput).mutation(({ ctx, input }) => assignLead(ctx.userCtx, input)),
  /** Refused with code duplicate (the matches as data) until the user attaches or confirms. */
  convert: permitted('leads', 'edit').input(convertLeadInput).mutation(({ ctx, input }) => convertLead(ctx.userCtx, input)),
  sources: permitted('leads', 'view').query(({ ctx }) => leads.listLeadSources(ctx.userCtx)),
  saveSources: permitted('leads', 'edit').input(leadSourcesInput).mutation(({ ctx, input }) => leads.saveLeadSources(ctx.userCtx, input.sources)),
  teams: permitted('leads', 'view').query(({ ctx }) => listTeamOptions(ctx.userCtx)),
  rules: permitted('leads', 'view').query(({ ctx }) => listAssignmentRules(ctx.userCtx)),
  saveRules: permitted('leads', 'edit').input(saveRulesInput).mutation(({ ctx, input }) => saveAssignmentRules(ctx.userCtx, input)),
});
