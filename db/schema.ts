import type { AuditLogTable } from './tables/audit-log.table.js';
import type { ContactTable } from './tables/contact.table.js';
import type { CustomerTable, CustomerTagTable } from './tables/customer.table.js';
import type { DuplicateDismissalTable } from './tables/merge.table.js';
import type { SessionTable } from './tables/session.table.js';
import type { TeamTable } from './tables/team.table.js';
import type { UserTable } from './tables/user.table.js';

export interface Database {
  users: UserTable;
  teams: TeamTable;
  sessions: SessionTable;
  customers: CustomerTable;
  customer_tags: CustomerTagTable;
  contacts: ContactTable;
  audit_log: AuditLogTable;
  duplicate_dismissals: DuplicateDismissalTable;
}
