import type { AuditLogTable } from './tables/audit-log.table.js';
import type { ContactTable } from './tables/contact.table.js';
import type { CustomerTable, CustomerTagTable } from './tables/customer.table.js';
import type { InteractionContactTable, InteractionStaffTable, InteractionTable } from './tables/interaction.table.js';
import type { LeadAssignmentRuleTable, LeadRotationTable, LeadTable, PoolHoldingTable } from './tables/lead.table.js';
import type { NotificationTable } from './tables/notification.table.js';
import type { OpportunityStageChangeTable, OpportunityTable } from './tables/opportunity.table.js';
import type { PipelineSettingsTable, PipelineStageTable } from './tables/pipeline.table.js';
import type { DuplicateDismissalTable } from './tables/merge.table.js';
import type { SessionTable } from './tables/session.table.js';
import type { TaskTable } from './tables/task.table.js';
import type { SettingTable } from './tables/setting.table.js';
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
  interactions: InteractionTable;
  interaction_staff: InteractionStaffTable;
  interaction_contacts: InteractionContactTable;
  tasks: TaskTable;
  notifications: NotificationTable;
  pipeline_stages: PipelineStageTable;
  pipeline_settings: PipelineSettingsTable;
  opportunities: OpportunityTable;
  opportunity_stage_changes: OpportunityStageChangeTable;
  settings: SettingTable;
  leads: LeadTable;
  lead_assignment_rules: LeadAssignmentRuleTable;
  lead_rotation: LeadRotationTable;
  pool_holdings: PoolHoldingTable;
  duplicate_dismissals: DuplicateDismissalTable;
}
