import { listLeadPage, type LeadListRow } from '../../../db/lead.repository.js';
import type { ListLeadsInput } from '../../api/schemas/leads.schema.js';
import { inPages, type ListExport, type Unpaged } from './list-export.js';

/** The lead list as the user sees it. */
export const leadExport = {
  name: 'leads',
  columns: {
    companyName: (lead) => lead.company_name ?? '',
    personName: (lead) => lead.person_name ?? '',
    title: (lead) => lead.title ?? '',
    // A lead keeps its numbers as typed (validated, not normalized), as the lead list shows them.
    mobile: (lead) => lead.mobile ?? '',
    landline: (lead) => lead.landline ?? '',
    email: (lead) => lead.email ?? '',
    wechatId: (lead) => lead.wechat_id ?? '',
    province: (lead) => lead.province ?? '',
    city: (lead) => lead.city ?? '',
    source: (lead, f) => f.word('source', lead.source),
    status: (lead, f) => f.word('status', lead.status),
    score: (lead) => lead.score,
    owner: (lead) => lead.owner_name ?? '',
    notes: (lead) => lead.notes ?? '',
    createdAt: (lead, f) => f.instant(lead.created_at),
    updatedAt: (lead, f) => f.instant(lead.updated_at),
  },
  rows: (ctx, input) => inPages((offset, limit) => listLeadPage(ctx.db, ctx.user, { ...input, offset, limit })),
} satisfies ListExport<Unpaged<ListLeadsInput>, LeadListRow, string>;
