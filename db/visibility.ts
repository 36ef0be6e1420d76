import { sql, type Expression, type SqlBool } from 'kysely';
import type { Role } from './tables/user.table.js';

export interface Viewer {
  id: number;
  role: Role;
  teamId: number | null;
}

/**
 * Which customers a user may see, as a condition on the customer's owner column:
 * owner and service staff see all, a manager their team's, a sales rep their own.
 * (The full permission model with the public pool comes with office sharing.)
 */
export function customerVisibleTo(ownerColumn: Expression<number | null>, viewer: Viewer): Expression<SqlBool> | null {
  switch (viewer.role) {
    case 'owner':
    case 'service':
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
