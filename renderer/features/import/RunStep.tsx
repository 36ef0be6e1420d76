import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../../api/trpc';
import { saveDownload } from '../../shared/file-transfer';
import { notifyError } from '../../shared/notify';
import { useInvalidateCustomers } from '../customers/useInvalidateCustomers';
import { reportLabels } from './problem-text';

const POLL_MS = 300;

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

export function RunStep({ uploadId, onAgain }: { uploadId: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const invalidateCustomers = useInvalidateCustomers();
  const progress = useQuery({
    ...trpc.imports.progress.queryOptions({ uploadId }),
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? POLL_MS : false),
  });
  const status = progress.data?.status;
  const finished = status === 'done' || status === 'failed';
  useEffect(() => {
    if (finished) void invalidateCustomers();
  }, [finished, invalidateCustomers]);
  const report = useMutation({
    mutationFn: async () => saveDownload(client, await client.imports.errorReport.mutate({ uploadId, labels: reportLabels(t) })),
    onError: notifyError,
  });
  const counts = progress.data?.counts;
  if (!counts) return <Progress value={0} animated />;
  const notImported = counts.failed + counts.skipped;
  return (
    <Stack gap="md" maw={640}>
      {finished ? (
        <Title order={3} data-testid="import-done">
          {t('importer.run.done')}
        </Title>
      ) : (
        <Text>{t('importer.run.running', counts)}</Text>
      )}
      <Progress value={counts.total ? (counts.processed / counts.total) * 100 : 100} animated={!finished} data-testid="import-progress" />
      {status === 'failed' && <Alert color="red">{t('importer.run.failed')}</Alert>}
      <SimpleGrid cols={4}>
        <Count label={t('importer.run.created')} value={counts.created} testId="import-created" />
        <Count label={t('importer.run.updated')} value={counts.updated} testId="import-updated" />
        <Count label={t('importer.run.skipped')} value={counts.skipped} testId="import-skipped" />
        <Count label={t('importer.run.failedRows')} value={counts.failed} testId="import-failed" />
      </SimpleGrid>
      {finished && (
        <Group>
          {notImported > 0 && (
            <Button leftSection={<IconDownload size={16} />} variant="light" loading={report.isPending} onClick={() => report.mutate()} data-testid="import-download-errors">
              {t('importer.run.downloadErrors')}
            </Button>
          )}
          <Button component={Link} to="/customers" data-testid="import-view-customers">
            {t('importer.run.viewCustomers')}
          </Button>
          <Button variant="default" onClick={onAgain}>
            {t('importer.run.again')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
