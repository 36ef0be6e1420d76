import { sql, type Expression, type SqlBool } from 'kysely';
import type { Role } from './tables/user.table.js';

export interface Viewer {
  id: number;
  role: Role;
  teamId: number | null;
}

/**
 * Which customers a user may see, as a condition on the customer's owner column (null: all):
 * a sales rep their own, a manager their team's; the owner, admins, and the service, marketing and
 * finance staff all of them (what they may do with them is the permission matrix's business).
 */
export function customerVisibleTo(ownerColumn: Expression<number | null>, viewer: Viewer): Expression<SqlBool> | null {
  switch (viewer.role) {
    case 'owner':
    case 'admin':
    case 'service':
    case 'marketing':
    case 'finance':
      return null;
    case 'manager':
      // One IN list rather than an OR of two conditions: SQLite then reads each owner's range of an
      // owner index (a count never touches the table).
      return viewer.teamId === null
        ? sql<SqlBool>`${ownerColumn} = ${viewer.id}`
        : sql<SqlBool>`${ownerColumn} IN (SELECT ${viewer.id} UNION ALL SELECT id FROM users WHERE team_id = ${viewer.teamId})`;
    case 'sales':
      return sql<SqlBool>`${ownerColumn} = ${viewer.id}`;
  }
}
