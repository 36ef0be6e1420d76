import { Alert, Button, PasswordInput, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, hasErrorCode } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { errorMessage } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import { AuthCard } from './AuthCard';
import { useSession } from './useSession';

export function LoginScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { signedIn } = useSession();
  const form = useForm({ username: '', password: '' });
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      meta: { quiet: true },
      onSuccess: ({ user }) => signedIn(user),
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    }),
  );

  return (
    <AuthCard
      title={t('auth.login.title')}
      description={t('auth.login.description')}
      onSubmit={() => login.mutate(form.values)}
    >
      {login.error && !hasErrorCode(login.error, 'validation') && (
        <Alert color="red" data-testid="login-error">
          {errorMessage(login.error)}
        </Alert>
      )}
      <TextInput label={t('auth.username')} autoComplete="username" autoFocus {...form.text('username')} />
      <PasswordInput label={t('auth.password')} autoComplete="current-password" {...form.text('password')} />
      <Button type="submit" loading={login.isPending}>
        {t('auth.login.submit')}
      </Button>
    </AuthCard>
  );
}
