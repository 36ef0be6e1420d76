import { authRouter } from './auth.router.js';
import { backupsRouter } from './backups.router.js';
import { calendarRouter } from './calendar.router.js';
import { contactsRouter } from './contacts.router.js';
import { customersRouter } from './customers.router.js';
import { duplicatesRouter } from './duplicates.router.js';
import { exportsRouter } from './exports.router.js';
import { importsRouter } from './imports.router.js';
import { lanRouter } from './lan.router.js';
import { leadsRouter } from './leads.router.js';
import { permissionsRouter } from './permissions.router.js';
import { poolRouter } from './pool.router.js';
import { presenceRouter } from './presence.router.js';
import { interactionsRouter } from './interactions.router.js';
import { notificationsRouter } from './notifications.router.js';
import { tasksRouter } from './tasks.router.js';
import { opportunitiesRouter } from './opportunities.router.js';
import { pipelineRouter } from './pipeline.router.js';
import { trashRouter } from './trash.router.js';
import { router } from './trpc.js';
import { usersRouter } from './users.router.js';

/** The one API contract, served over Electron IPC and over HTTP. */
export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  customers: customersRouter,
  contacts: contactsRouter,
  backups: backupsRouter,
  imports: importsRouter,
  exports: exportsRouter,
  trash: trashRouter,
  interactions: interactionsRouter,
  tasks: tasksRouter,
  calendar: calendarRouter,
  notifications: notificationsRouter,
  opportunities: opportunitiesRouter,
  pipeline: pipelineRouter,
  leads: leadsRouter,
  pool: poolRouter,
  duplicates: duplicatesRouter,
  lan: lanRouter,
  presence: presenceRouter,
  permissions: permissionsRouter,
});

export type AppRouter = typeof appRouter;

/** Procedures that work without a session; every other one refuses a missing or expired session. */
export const PUBLIC_PROCEDURES = ['auth.status', 'auth.setupOwner', 'auth.login'] as const;
