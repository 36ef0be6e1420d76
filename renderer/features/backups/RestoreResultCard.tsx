import { Alert, Card, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../api/types';
import en from '../../i18n/backups.en.json';
import { LabeledValue } from '../../shared/LabeledValue';
import { useFormat } from '../../shared/useFormat';

export type RestoreResult = RouterOutputs['backups']['restore'];

const isKnownTable = (table: string): table is keyof typeof en.backups.tables => Object.hasOwn(en.backups.tables, table);

/** What the restore brought back: the backup's time and version, and how many records each table holds. */
export function RestoreResultCard({ result }: { result: RestoreResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { manifest } = result;
  // Tables of areas added later show their own name until they get a label.
  const tableLabel = (table: string) => (isKnownTable(table) ? t(`backups.tables.${table}`) : table);
  return (
    <Card withBorder padding="lg" data-testid="restore-result">
      <Stack>
        <Title order={3} size="h4">
          <IconCircleCheck size={20} color="var(--mantine-color-green-6)" style={{ verticalAlign: 'text-bottom' }} /> {t('backups.restore.resultTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LabeledValue label={t('backups.restore.restoredFrom')}>{result.restoredFrom}</LabeledValue>
          <LabeledValue label={t('backups.restore.createdAt')}>{format.instant(manifest.createdAt)}</LabeledValue>
          <LabeledValue label={t('backups.restore.appVersion')}>{manifest.appVersion}</LabeledValue>
          <LabeledValue label={t('backups.restore.schemaVersion')}>{manifest.schemaVersion}</LabeledValue>
          <LabeledValue label={t('backups.restore.safetyBackup')}>{result.safetyBackup.path}</LabeledValue>
        </SimpleGrid>
        {result.migratedFrom !== null && <Alert color="blue">{t('backups.restore.migrated', { from: result.migratedFrom })}</Alert>}
        <Table striped withTableBorder maw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.restore.table')}</Table.Th>
              <Table.Th ta="right">{t('backups.restore.rows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(manifest.rowCounts).map(([table, rows]) => (
              <Table.Tr key={table}>
                <Table.Td>{tableLabel(table)}</Table.Td>
                <Table.Td ta="right">{rows.toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
