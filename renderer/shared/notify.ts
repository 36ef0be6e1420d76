import { notifications } from '@mantine/notifications';
import { appErrorOf } from '../api/app-error';
import { i18n } from '../i18n/i18n';

/** The translated sentence for any failed call: the API's error code, else a generic message. */
export function errorMessage(error: unknown): string {
  const app = appErrorOf(error);
  // Some refusals carry the numbers their sentence needs (minutes to wait, a port).
  const values = typeof app?.data === 'object' && app.data !== null && !Array.isArray(app.data) ? (app.data as Record<string, unknown>) : {};
  return app ? i18n.t(`errors.code.${app.code}`, values) : i18n.t('errors.unexpected');
}

/** The API's refusals explain themselves; only an unexpected failure gets the "went wrong" title. */
export function notifyError(error: unknown): void {
  const code = appErrorOf(error)?.code;
  notifications.show({
    color: code === 'duplicate' || code === 'conflict' ? 'yellow' : 'red',
    title: code ? undefined : i18n.t('errors.title'),
    message: errorMessage(error),
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}
