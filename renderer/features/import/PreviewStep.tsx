import { Alert, Badge, Button, Group, Loader, Radio, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import type { RouterOutputs } from '../../api/types';
import { errorMessage } from '../../shared/notify';
import { DUPLICATE_POLICIES, type ColumnMapping, type DuplicatePolicy } from './import-fields';
import { issueText } from './problem-text';

type Preview = RouterOutputs['imports']['preview'];
type Problem = Preview['problems'][number];

const ACTION_COLORS = { create: 'green', update: 'blue', skip: 'gray', error: 'red' } as const;
const SHOWN_VALUES = ['name', 'contactName', 'mobile', 'landline', 'email', 'province', 'city', 'stage'] as const;

interface PreviewStepProps {
  uploadId: string;
  mapping: ColumnMapping;
  policy: DuplicatePolicy;
  onPolicyChange: (policy: DuplicatePolicy) => void;
  onBack: () => void;
  onStart: () => void;
}

export function useProblemText() {
  const { t } = useTranslation();
  return (problem: Pick<Problem, 'kind' | 'issues' | 'duplicateOf'>) => {
    const details = [...problem.issues.map((issue) => issueText(t, issue)), ...(problem.duplicateOf ? [problem.duplicateOf] : [])];
    return `${t(`importer.problem.${problem.kind}`)}${details.length ? `: ${details.join('; ')}` : ''}`;
  };
}

export function PreviewStep({ uploadId, mapping, policy, onPolicyChange, onBack, onStart }: PreviewStepProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const problemText = useProblemText();
  const preview = useMutation(trpc.imports.preview.mutationOptions());
  const { mutate } = preview;
  useEffect(() => mutate({ uploadId, mapping, policy }), [mutate, uploadId, mapping, policy]);
  const data = preview.data;
  return (
    <Stack gap="md">
      <Radio.Group label={t('importer.policy.label')} value={policy} onChange={(value) => onPolicyChange(value as DuplicatePolicy)}>
        <Group mt="xs">
          {DUPLICATE_POLICIES.map((p) => (
            <Radio key={p} value={p} label={t(`importer.policy.${p}`)} data-testid={`policy-${p}`} />
          ))}
        </Group>
      </Radio.Group>
      {preview.isPending && <Loader size="sm" />}
      {preview.isError && <Alert color="red">{errorMessage(preview.error)}</Alert>}
      {data && !preview.isPending && (
        <>
          <Text fw={500} data-testid="import-preview-summary">
            {t('importer.preview.summary', data.counts)}
          </Text>
          <Title order={4}>{t('importer.preview.firstRows')}</Title>
          <ScrollArea.Autosize mah={360}>
            <Table striped withTableBorder fz="sm" miw={1100} data-testid="import-preview-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('importer.preview.line')}</Table.Th>
                  <Table.Th>{t('importer.preview.action')}</Table.Th>
                  {SHOWN_VALUES.map((field) => (
                    <Table.Th key={field}>{t(field === 'contactName' ? 'importer.field.contactName' : field === 'mobile' || field === 'landline' || field === 'email' ? `contact.${field}` : `customer.${field}`)}</Table.Th>
                  ))}
                  <Table.Th>{t('importer.preview.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <Table.Tr key={row.line} data-testid={`preview-line-${row.line}`}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td>
                      <Badge color={ACTION_COLORS[row.action]} variant="light" miw="max-content">
                        {t(`importer.action.${row.action}`)}
                      </Badge>
                    </Table.Td>
                    {SHOWN_VALUES.map((field) => (
                      <Table.Td key={field} style={{ whiteSpace: 'nowrap' }}>
                        {field === 'stage' && row.values.stage ? t(`stage.${row.values.stage as 'prospect'}`) : (row.values[field] ?? '')}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {row.issues.map((issue) => issueText(t, issue)).join('; ')}
                      {row.duplicateOf ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Title order={4}>{t('importer.preview.problems')}</Title>
          {data.problems.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('importer.preview.noProblems')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={240}>
              <Table withTableBorder fz="sm" data-testid="import-preview-problems">
                <Table.Tbody>
                  {data.problems.map((problem) => (
                    <Table.Tr key={problem.line}>
                      <Table.Td w={80}>{problem.line}</Table.Td>
                      <Table.Td>{problemText(problem)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          {data.problems.length < data.counts.failed + data.counts.skipped && (
            <Text size="xs" c="dimmed">
              {t('importer.preview.moreProblems', { shown: data.problems.length, total: data.counts.failed + data.counts.skipped })}
            </Text>
          )}
        </>
      )}
      <Group>
        <Button variant="default" onClick={onBack}>
          {t('importer.back')}
        </Button>
        <Button onClick={onStart} disabled={!data || preview.isPending} data-testid="import-start">
          {t('importer.run.start', { count: data ? data.counts.created + data.counts.updated : 0 })}
        </Button>
      </Group>
    </Stack>
  );
}
