import { Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Restore from any backup file on the host computer, named by its full path (an upload would not fit a 1 MB request). */
export function RestoreFromFileCard({ onRestore }: { onRestore: (path: string) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim()) onRestore(path.trim());
        }}
      >
        <Stack>
          <Title order={3} size="h4">
            {t('backups.restore.fromFile')}
          </Title>
          <Group align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('backups.restore.path')}
              description={t('backups.restore.fromFileHint')}
              placeholder="D:\Backups\office-crm-….zip"
              value={path}
              onChange={(event) => setPath(event.currentTarget.value)}
              data-testid="restore-path"
            />
            <Button type="submit" variant="default" color="red" disabled={!path.trim()} data-testid="restore-path-start">
              {t('backups.restore.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
