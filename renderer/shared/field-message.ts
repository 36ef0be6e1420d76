import type { TFunction } from 'i18next';
import en from '../i18n/core.en.json';

type FieldMessageKey = keyof typeof en.errors.field;

const isFieldMessageKey = (key: string): key is FieldMessageKey => Object.hasOwn(en.errors.field, key);

/** A field error's message key (errors.field.*) in the user's language; unknown keys read as "invalid". */
export function fieldMessage(t: TFunction, key: string): string {
  return t(`errors.field.${isFieldMessageKey(key) ? key : 'invalid'}`);
}
