import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import type { LanControl } from '../lan/lan-control.js';
import type { BackupService } from '../services/backup/service.js';
import type { LoginThrottle } from '../services/login-throttle.js';
import type { PresenceBoard } from '../services/presence.js';
import type { ServiceContext, SessionUser, UserContext } from '../services/context.js';
import { AppError, type AppErrorCode, type FieldErrors } from '../services/errors.js';
import { forbidden, mayDo } from '../services/permission-matrix.js';
import { isAdmin, type Action, type Module } from '../services/permissions.js';

export interface ApiContext {
  services: ServiceContext;
  /** Host-level: backups and restore of the data folder. */
  backups: BackupService;
  /** Host-level: sharing on the office network. */
  lan: LanControl;
  throttle: LoginThrottle;
  /** Who has which customer open (in memory). */
  presence: PresenceBoard;
  /** The network address the request came from (null over the desktop bridge). */
  remoteAddress: string | null;
  user: SessionUser | null;
  /** The session token this request came with, if any. */
  token: string | null;
  /** Headers the response will carry (login and logout set the session cookie here). */
  resHeaders: Headers;
  /** Whether the transport is HTTPS, so cookies may be marked Secure. */
  secure: boolean;
}

/** What the renderer reads from any failed call: a stable code, field messages, and any record to show. */
export interface AppErrorData {
  code: AppErrorCode;
  fieldErrors?: FieldErrors;
  data?: unknown;
}

const TRPC_CODES: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  validation: 'BAD_REQUEST',
  duplicate: 'CONFLICT',
  conflict: 'CONFLICT',
  not_found: 'NOT_FOUND',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  bad_credentials: 'UNAUTHORIZED',
  already_set_up: 'FORBIDDEN',
  backup_busy: 'CONFLICT',
  backup_failed: 'INTERNAL_SERVER_ERROR',
  backup_file_missing: 'NOT_FOUND',
  backup_not_a_backup: 'BAD_REQUEST',
  backup_truncated: 'BAD_REQUEST',
  backup_corrupt: 'BAD_REQUEST',
  backup_foreign: 'BAD_REQUEST',
  backup_password_required: 'BAD_REQUEST',
  backup_wrong_password: 'BAD_REQUEST',
  backup_schema_too_new: 'BAD_REQUEST',
  pool_limit: 'FORBIDDEN',
  too_many_attempts: 'TOO_MANY_REQUESTS',
  lan_port_in_use: 'CONFLICT',
  host_unreachable: 'SERVICE_UNAVAILABLE',
  host_not_office_crm: 'BAD_REQUEST',
  host_certificate_changed: 'BAD_GATEWAY',
};

/** A zod refusal as field messages, the way every form reads them. */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    // Our schemas give message keys; anything else (a wrong type from a hand-made request) is "invalid".
    fields[path] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return fields;
}

function appErrorData(error: TRPCError): AppErrorData | null {
  const cause = error.cause;
  if (cause instanceof AppError) return { code: cause.code, fieldErrors: cause.details.fieldErrors, data: cause.details.data };
  if (cause instanceof ZodError) return { code: 'validation', fieldErrors: fieldErrorsOf(cause) };
  if (error.code === 'UNAUTHORIZED') return { code: 'unauthenticated' };
  return null;
}

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    const app = appErrorData(error);
    // A zod error's own message is a JSON dump of its issues; the field errors already say it all.
    const message = error.cause instanceof ZodError ? 'Some fields are not valid' : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, app } };
  },
});

/** Turns service errors into typed API errors; anything unexpected stays an INTERNAL_SERVER_ERROR. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors);

/** Every procedure but health, status and login: refuses a missing, expired or revoked session. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in' });
  }
  const userCtx: UserContext = { ...ctx.services, user: ctx.user };
  return next({ ctx: { ...ctx, user: ctx.user, userCtx } });
});

/** Office administration (users and teams, backups and restore, the office network): owner and admins. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isAdmin(ctx.user.role)) throw new AppError('forbidden', 'Only the owner or an administrator may do this');
  return next();
});

/**
 * A procedure of a business module, for users whose role may do that there (the permission matrix).
 * Which records they may touch is still each service's visibility filter.
 */
export const permitted = (module: Module, action: Action) =>
  authedProcedure.use(async ({ ctx, next }) => {
    if (!(await mayDo(ctx.services.db, ctx.user.role, module, action))) throw forbidden(module, action);
    return next();
  });
