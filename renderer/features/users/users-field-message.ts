import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { appErrorOf, fieldErrorsOf, type FieldErrors } from '../../api/app-error';
import en from '../../i18n/users.en.json';
import { i18n } from '../../i18n/i18n';
import { fieldMessage } from '../../shared/field-message';
import { notifyError } from '../../shared/notify';

type UsersMessageKey = keyof typeof en.users.fieldErrors;

const isUsersKey = (key: string): key is UsersMessageKey => Object.hasOwn(en.users.fieldErrors, key);

/** A field error of this area (users.fieldErrors.*), else one of the shared field messages. */
export function usersFieldMessage(t: TFunction, key: string): string {
  return isUsersKey(key) ? t(`users.fieldErrors.${key}`) : fieldMessage(t, key);
}

/**
 * Why an action without a form (disable, delete a team) was refused: the reason the API named (the
 * last owner, your own account, a team with members), else the error code's sentence.
 */
export function notifyRefusal(error: unknown): void {
  const [reason] = Object.values(appErrorOf(error)?.fieldErrors ?? {});
  if (reason) notifications.show({ color: 'red', message: usersFieldMessage(i18n.t, reason) });
  else notifyError(error);
}

/** A form's refusal: field errors under their fields, anything else (forbidden, too many attempts) as a notification. */
export function showFormError(form: { setErrors: (errors: FieldErrors) => void }, error: unknown): void {
  const fields = fieldErrorsOf(error);
  form.setErrors(fields);
  if (Object.keys(fields).length === 0) notifyError(error);
}
