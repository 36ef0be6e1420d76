import { Alert, Button, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Someone saved the record first: this save was refused; reloading shows their version. */
export function ConflictAlert({ message, onReload }: { message: string; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('conflict.title')} data-testid="conflict-alert">
      <Text size="sm">{message}</Text>
      <Button
        mt="xs"
        size="xs"
        variant="white"
        color="red"
        leftSection={<IconRefresh size={14} />}
        onClick={onReload}
        data-testid="conflict-reload"
      >
        {t('conflict.reload')}
      </Button>
    </Alert>
  );
}
