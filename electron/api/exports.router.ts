import { customerExport } from '../services/export/customer-export.js';
import { dealExport } from '../services/export/deal-export.js';
import { leadExport } from '../services/export/lead-export.js';
import { exportList } from '../services/export/list-export.js';
import { poolCustomerExport, poolLeadExport } from '../services/export/pool-export.js';
import { trashExport } from '../services/export/trash-export.js';
import { readDownloadChunk } from '../services/files/downloads.js';
import {
  downloadChunkInput,
  exportCustomersInput,
  exportDealsInput,
  exportLeadsInput,
  exportPoolCustomersInput,
  exportPoolLeadsInput,
  exportTrashInput,
} from './schemas/exports.schema.js';
import { authedProcedure, permitted, router } from './trpc.js';

/** Files made on the host and fetched in chunks (see services/files/downloads.ts for why). */
export const exportsRouter = router({
  // Each list's export takes the list's own filter and sort (see schemas/exports.schema.ts).
  customers: permitted('customers', 'export').input(exportCustomersInput).mutation(({ ctx, input }) => exportList(ctx.userCtx, customerExport, input)),
  deals: permitted('opportunities', 'export').input(exportDealsInput).mutation(({ ctx, input }) => exportList(ctx.userCtx, dealExport, input)),
  leads: permitted('leads', 'export').input(exportLeadsInput).mutation(({ ctx, input }) => exportList(ctx.userCtx, leadExport, input)),
  poolCustomers: permitted('customers', 'export').input(exportPoolCustomersInput).mutation(({ ctx, input }) => exportList(ctx.userCtx, poolCustomerExport, input)),
  poolLeads: permitted('leads', 'export').input(exportPoolLeadsInput).mutation(({ ctx, input }) => exportList(ctx.userCtx, poolLeadExport, input)),
  trash: permitted('customers', 'export').input(exportTrashInput).mutation(({ ctx, input }) => exportList(ctx.userCtx, trashExport, input)),

  /** The next chunk of any download offered to this user (an export, an import's error report). */
  download: authedProcedure
    .input(downloadChunkInput)
    .query(({ ctx, input }) => readDownloadChunk(ctx.user.id, input.downloadId, input.offset)),
});
