import { Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import type { RouterOutputs } from '../../api/types';
import { useFormat } from '../../shared/useFormat';
import { useFileSize } from './useFileSize';

export type BackupFile = RouterOutputs['backups']['list'][number];

export function BackupListCard({ onRestore }: { onRestore: ((backup: BackupFile) => void) | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const fileSize = useFileSize();
  const { data: backups = [] } = useQuery(trpc.backups.list.queryOptions());
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3} size="h4">
          {t('backups.list.heading')}
        </Title>
        {backups.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('backups.list.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560} maxHeight={360}>
            <Table striped highlightOnHover data-testid="backup-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups.list.takenAt')}</Table.Th>
                  <Table.Th>{t('backups.list.kind')}</Table.Th>
                  <Table.Th ta="right">{t('backups.list.size')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {backups.map((backup) => (
                  <Table.Tr key={backup.path} data-testid="backup-row">
                    <Table.Td title={backup.path}>
                      {format.instant(backup.takenAt)}{' '}
                      {backup.encrypted && <IconLock size={14} aria-label={t('backups.list.encrypted')} style={{ verticalAlign: 'middle' }} />}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={backup.kind === 'safety' ? 'orange' : backup.kind === 'manual' ? 'indigo' : 'gray'}>
                        {t(`backups.kind.${backup.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{fileSize(backup.size)}</Table.Td>
                    <Table.Td ta="right">
                      {onRestore && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => onRestore(backup)} data-testid={`restore-${backup.name}`}>
                          {t('backups.list.restore')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
