import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { useForm } from '../../shared/useForm';
import { FormButtons } from './FormButtons';
import { passwordConfirmed } from './password-confirmation';
import type { UserAccount } from './types';
import { useChangeHandlers } from './useChangeHandlers';
import { usersFieldMessage } from './users-field-message';

/** An administrator sets a new password for a colleague who forgot theirs. */
export function ResetPasswordModal({ account, onClose }: { account: UserAccount | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={account !== null} onClose={onClose} title={account ? t('users.reset.title', { name: account.displayName }) : ''}>
      {account && <ResetPasswordForm key={account.id} account={account} onDone={onClose} />}
    </Modal>
  );
}

function ResetPasswordForm({ account, onDone }: { account: UserAccount; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const handlers = useChangeHandlers();
  const form = useForm({ password: '', confirmPassword: '' }, '', usersFieldMessage);
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions(handlers({ done: () => t('users.reset.done', { name: account.displayName }), then: onDone, form })),
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (passwordConfirmed(form, form.values.password)) reset.mutate({ id: account.id, password: form.values.password });
      }}
    >
      <Stack>
        <Text size="sm">{t('users.reset.explain', { name: account.displayName })}</Text>
        <PasswordInput
          label={t('users.field.password')}
          description={t('users.field.passwordHint')}
          autoComplete="new-password"
          data-autofocus
          {...form.text('password')}
          data-testid="reset-password"
        />
        <PasswordInput label={t('users.field.confirmPassword')} autoComplete="new-password" {...form.text('confirmPassword')} data-testid="reset-confirmPassword" />
        <FormButtons busy={reset.isPending} onCancel={onDone} label={t('users.reset.submit')} testId="reset-submit" />
      </Stack>
    </form>
  );
}
