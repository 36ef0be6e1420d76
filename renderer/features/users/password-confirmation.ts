import type { Form } from '../../shared/useForm';

/** Checks the typed-twice password before asking the API; a mismatch shows under the confirmation. */
export function passwordConfirmed<T extends { confirmPassword: string }>(form: Form<T>, password: string): boolean {
  if (form.values.confirmPassword === password) return true;
  form.setErrors({ confirmPassword: 'passwordMismatch' });
  return false;
}
