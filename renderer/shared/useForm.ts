import { useCallback, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../api/app-error';
import { fieldMessage } from './field-message';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * Form values plus per-field errors (message keys from the server or from a local check). Editing a
 * field clears its error, so a stale message never sits under a corrected value. An area with field
 * messages of its own passes its translator (which falls back to the shared ones).
 */
export function useForm<T extends object>(initial: T, namePrefix = '', message: typeof fieldMessage = fieldMessage) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!(key in current)) return current;
      const { [key]: _cleared, ...rest } = current;
      return rest;
    });
  }, []);

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);

  const error = (key: keyof T & string) => {
    const messageKey = errors[key];
    return messageKey ? message(t, messageKey) : undefined;
  };

  /** The input's name: the API's field path, for the end-to-end tests and the browser's autofill. */
  const nameOf = (key: keyof T & string) => namePrefix + key;

  /** The props a text input needs: API field name (for tests and autofill), value, change handler, error. */
  const text = (key: StringKeys<T>) => ({
    name: nameOf(key),
    value: values[key] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, event.currentTarget.value as T[typeof key]),
    error: error(key),
  });

  return { values, set, reset, setErrors, error, nameOf, text };
}

export type Form<T extends object> = ReturnType<typeof useForm<T>>;
