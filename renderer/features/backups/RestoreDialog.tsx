import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/notify';

export interface RestoreChoice {
  /** A listed backup's name, or a file path on the host. */
  source: { name: string } | { path: string };
  /** The sentence naming what replaces the data. */
  message: string;
  /** Whether to ask for the password up front (a listed encrypted backup); a file path may be either. */
  askPassword: boolean;
}

interface RestoreDialogProps {
  choice: RestoreChoice | null;
  busy: boolean;
  error: unknown;
  onConfirm: (password: string) => void;
  onClose: () => void;
}

/** Asks before the data is replaced: says a safety backup comes first, and takes the backup password. */
export function RestoreDialog({ choice, busy, error, onConfirm, onClose }: RestoreDialogProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const close = () => {
    setPassword('');
    onClose();
  };
  return (
    <Modal opened={choice !== null} onClose={close} title={t('backups.restore.confirmTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(password);
        }}
      >
        <Stack>
          <Text size="sm">{choice?.message}</Text>
          {choice?.askPassword && (
            <PasswordInput
              label={t('backups.restore.password')}
              description={t('backups.restore.passwordHint')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              autoFocus
              data-testid="restore-password"
            />
          )}
          {error != null && (
            <Alert color="red" data-testid="restore-error">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy} data-testid="restore-confirm">
              {t('backups.restore.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
