import { listTrashPage, type TrashRow } from '../../../db/trash.repository.js';
import type { ListTrashInput } from '../../api/schemas/trash.schema.js';
import { inPages, type ListExport, type Unpaged } from './list-export.js';

/** The trash as the user sees it: each entry, what it belongs to, and who deleted it when. */
export const trashExport = {
  name: 'trash',
  columns: {
    kind: (entry, f) => f.word('kind', entry.kind),
    name: (entry) => entry.name,
    // A contact's customer, and a customer's contacts that a restore brings back with it, as the trash shows them.
    customer: (entry) => (entry.kind === 'contact' ? entry.customer_name : ''),
    contacts: (entry) => (entry.kind === 'customer' ? entry.contacts : ''),
    deletedBy: (entry) => entry.deleted_by_name ?? '',
    deletedAt: (entry, f) => f.instant(entry.deleted_at),
  },
  rows: (ctx, input) => inPages((offset, limit) => listTrashPage(ctx.db, ctx.user, { ...input, offset, limit })),
} satisfies ListExport<Unpaged<ListTrashInput>, TrashRow, string>;
