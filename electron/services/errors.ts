/**
 * Errors a user can act on. Each carries a stable code the renderer translates (zh-CN / en); field
 * errors name the form field and a message key, so the form shows them next to the field.
 */
export type AppErrorCode =
  | 'validation'
  | 'duplicate'
  | 'conflict'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'bad_credentials'
  | 'already_set_up'
  // Backups and restore: each refusal names its reason, so the screen can say what to do.
  | 'backup_busy'
  | 'backup_failed'
  | 'backup_file_missing'
  | 'backup_not_a_backup'
  | 'backup_truncated'
  | 'backup_corrupt'
  | 'backup_foreign'
  | 'backup_password_required'
  | 'backup_wrong_password'
  | 'backup_schema_too_new'
  // The public pool: a rep already holds as many customers as allowed.
  | 'pool_limit'
  // Sign-in throttling: too many wrong passwords for an account or from an address.
  | 'too_many_attempts'
  // Office network sharing: the chosen port is taken by another program.
  | 'lan_port_in_use'
  // A colleague's copy and its office host: not reachable, not an office CRM, or not the paired certificate.
  | 'host_unreachable'
  | 'host_not_office_crm'
  | 'host_certificate_changed';

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: {
      fieldErrors?: FieldErrors;
      /** For conflict: the record as it is now; for duplicate: the matching records. */
      data?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string, id: number) => new AppError('not_found', `${entity} ${id} not found`);

export const conflict = (entity: string, current: unknown) =>
  new AppError('conflict', `${entity} was changed by someone else`, { data: current });

export const invalid = (fieldErrors: FieldErrors) =>
  new AppError('validation', 'Some fields are not valid', { fieldErrors });
