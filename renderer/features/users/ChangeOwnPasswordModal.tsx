import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { useForm } from '../../shared/useForm';
import { FormButtons } from './FormButtons';
import { passwordConfirmed } from './password-confirmation';
import { useChangeHandlers } from './useChangeHandlers';
import { usersFieldMessage } from './users-field-message';

/** "Change my password" from the user menu: anyone, with their current password. */
export function ChangeOwnPasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.ownPassword.title')}>
      {opened && <ChangeOwnPasswordForm onDone={onClose} />}
    </Modal>
  );
}

function ChangeOwnPasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const handlers = useChangeHandlers();
  const form = useForm({ currentPassword: '', newPassword: '', confirmPassword: '' }, '', usersFieldMessage);
  const change = useMutation(trpc.users.changeOwnPassword.mutationOptions(handlers({ done: () => t('users.ownPassword.done'), then: onDone, form })));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const { currentPassword, newPassword } = form.values;
        if (passwordConfirmed(form, newPassword)) change.mutate({ currentPassword, newPassword });
      }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('users.ownPassword.explain')}
        </Text>
        <PasswordInput
          label={t('users.ownPassword.current')}
          autoComplete="current-password"
          data-autofocus
          {...form.text('currentPassword')}
          data-testid="own-currentPassword"
        />
        <PasswordInput
          label={t('users.ownPassword.new')}
          description={t('auth.setup.passwordHint')}
          autoComplete="new-password"
          {...form.text('newPassword')}
          data-testid="own-newPassword"
        />
        <PasswordInput label={t('users.ownPassword.confirm')} autoComplete="new-password" {...form.text('confirmPassword')} data-testid="own-confirmPassword" />
        <FormButtons busy={change.isPending} onCancel={onDone} testId="own-submit" />
      </Stack>
    </form>
  );
}
