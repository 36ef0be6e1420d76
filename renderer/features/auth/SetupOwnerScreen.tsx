import { Button, PasswordInput, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { useForm } from '../../shared/useForm';
import { AuthCard } from './AuthCard';
import { useSession } from './useSession';

/** The first start: the person installing the app creates the owner account and is signed in. */
export function SetupOwnerScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { signedIn } = useSession();
  const form = useForm({ displayName: '', username: '', password: '', confirmPassword: '' });
  const setup = useMutation(
    trpc.auth.setupOwner.mutationOptions({
      onSuccess: ({ user }) => signedIn(user),
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    }),
  );

  const submit = () => {
    const { confirmPassword, ...input } = form.values;
    if (confirmPassword !== input.password) {
      form.setErrors({ confirmPassword: 'passwordMismatch' });
      return;
    }
    setup.mutate(input);
  };

  return (
    <AuthCard title={t('auth.setup.title')} description={t('auth.setup.description')} onSubmit={submit}>
      <TextInput label={t('auth.displayName')} autoComplete="name" autoFocus {...form.text('displayName')} />
      <TextInput label={t('auth.username')} autoComplete="username" {...form.text('username')} />
      <PasswordInput
        label={t('auth.password')}
        description={t('auth.setup.passwordHint')}
        autoComplete="new-password"
        {...form.text('password')}
      />
      <PasswordInput label={t('auth.confirmPassword')} autoComplete="new-password" {...form.text('confirmPassword')} />
      <Button type="submit" loading={setup.isPending}>
        {t('auth.setup.submit')}
      </Button>
    </AuthCard>
  );
}
