import { listDealPage, type DealCardRow } from '../../../db/opportunity.repository.js';
import { listStages } from '../../../db/pipeline.repository.js';
import type { PipelineStageRow } from '../../../db/tables/pipeline.table.js';
import type { ListDealsInput } from '../../api/schemas/opportunities.schema.js';
import { toMajor } from '../money.js';
import { inPages, type ListExport, type Unpaged } from './list-export.js';

interface DealExportRow {
  deal: DealCardRow;
  stage: PipelineStageRow | undefined;
}

/** The deal list as the user sees it, amounts in major units beside their currency so a spreadsheet adds them up. */
export const dealExport = {
  name: 'deals',
  columns: {
    name: ({ deal }) => deal.name,
    customer: ({ deal }) => deal.customer_name,
    // A stage the user named shows their name; a default one its translation.
    stage: ({ stage }, f) => stage?.name ?? f.word('stage', stage?.label_key),
    amount: ({ deal }) => toMajor(deal.amount_minor, deal.currency),
    currency: ({ deal }) => deal.currency,
    expectedCloseOn: ({ deal }) => deal.expected_close_on ?? '',
    owner: ({ deal }) => deal.owner_name ?? '',
    stageEnteredAt: ({ deal }, f) => f.instant(deal.stage_entered_at),
    lastActivityAt: ({ deal }, f) => f.instant(deal.last_activity_at),
    closedAt: ({ deal }, f) => f.instant(deal.closed_at),
    updatedAt: ({ deal }, f) => f.instant(deal.updated_at),
  },
  async *rows(ctx, input) {
    // Archived stages too: old deals still name them.
    const stages = new Map((await listStages(ctx.db, { includeArchived: true })).map((s) => [s.id, s]));
    for await (const deal of inPages((offset, limit) => listDealPage(ctx.db, ctx.user, { ...input, offset, limit }))) {
      yield { deal, stage: stages.get(deal.stage_id) };
    }
  },
} satisfies ListExport<Unpaged<ListDealsInput>, DealExportRow, string>;
