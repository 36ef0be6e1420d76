import { exportCustomers } from '../services/export/customer-export.js';
import { readDownloadChunk } from '../services/files/downloads.js';
import { downloadChunkInput, exportCustomersInput } from './schemas/exports.schema.js';
import { authedProcedure, router } from './trpc.js';

/** Files made on the host and fetched in chunks (see services/files/downloads.ts for why). */
export const exportsRouter = router({
  customers: authedProcedure.input(exportCustomersInput).mutation(({ ctx, input }) => exportCustomers(ctx.userCtx, input)),

  /** The next chunk of any download offered to this user (an export, an import's error report). */
  download: authedProcedure
    .input(downloadChunkInput)
    .query(({ ctx, input }) => readDownloadChunk(ctx.user.id, input.downloadId, input.offset)),
});
