import { ActionIcon, Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { IconArchive, IconArrowDown, IconArrowUp, IconCheck, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import type { PipelineStage } from './types';
import { useInvalidateDeals } from './useInvalidateDeals';
import { usePipelineStages, useStageLabel } from './usePipelineStages';

const PIPELINE_ERRORS = ['stageHasDeals', 'invalidTargetStage', 'lastStageOfOutcome', 'stageArchived'] as const;
type PipelineErrorKey = (typeof PIPELINE_ERRORS)[number];
const isPipelineError = (key: string): key is PipelineErrorKey => (PIPELINE_ERRORS as readonly string[]).includes(key);

/** Hooks for the pipeline's mutations: every change refreshes stages, board and lists. */
function usePipelineMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidateDeals = useInvalidateDeals();
  const { t } = useTranslation();
  const onSuccess = () => {
    void queryClient.invalidateQueries(trpc.pipeline.pathFilter());
    void invalidateDeals();
    notifySuccess(t('opportunities.pipeline.saved'));
  };
  return {
    update: useMutation(trpc.pipeline.updateStage.mutationOptions({ onSuccess })),
    create: useMutation(trpc.pipeline.createStage.mutationOptions({ onSuccess })),
    reorder: useMutation(trpc.pipeline.reorderStages.mutationOptions({ onSuccess })),
    archive: useMutation(trpc.pipeline.archiveStage.mutationOptions({ onSuccess, meta: { quiet: true } })),
    settings: useMutation(trpc.pipeline.updateSettings.mutationOptions({ onSuccess })),
  };
}

/** The owner's pipeline editor: rename, probability, order, add, archive, idle days. */
export function PipelineSettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const stages = usePipelineStages().filter((s) => !s.archived);
  const settings = useQuery(trpc.pipeline.settings.queryOptions());
  const mutations = usePipelineMutations();
  const [newName, setNewName] = useState('');
  const [idleDays, setIdleDays] = useState<number | string>('');

  const move = (index: number, by: -1 | 1) => {
    const ids = stages.map((s) => s.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    mutations.reorder.mutate({ ids });
  };

  return (
    <Modal opened onClose={onClose} title={t('opportunities.pipeline.settings')} size="xl">
      <Stack>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('opportunities.pipeline.stageName')}</Table.Th>
              <Table.Th w={130}>{t('opportunities.pipeline.probability')}</Table.Th>
              <Table.Th w={80}>{t('opportunities.pipeline.outcome')}</Table.Th>
              <Table.Th w={170} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stages.map((stage, index) => (
              <StageRow
                key={`${stage.id}:${stage.version}`}
                stage={stage}
                others={stages.filter((s) => s.id !== stage.id && s.outcome === stage.outcome)}
                onUp={index > 0 ? () => move(index, -1) : undefined}
                onDown={index < stages.length - 1 ? () => move(index, 1) : undefined}
                mutations={mutations}
              />
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <TextInput
            label={t('opportunities.pipeline.newStageName')}
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            data-testid="new-stage-name"
          />
          <Button
            leftSection={<IconPlus size={16} />}
            variant="default"
            disabled={newName.trim() === ''}
            onClick={() => mutations.create.mutate({ name: newName, probability: 50 }, { onSuccess: () => setNewName('') })}
          >
            {t('opportunities.pipeline.addStage')}
          </Button>
        </Group>
        {settings.data && (
          <Group align="flex-end">
            <NumberInput
              label={t('opportunities.pipeline.idleDays')}
              min={1}
              max={365}
              w={220}
              value={idleDays === '' ? settings.data.idleDays : idleDays}
              onChange={setIdleDays}
              data-testid="idle-days"
            />
            <Button
              variant="default"
              disabled={idleDays === '' || idleDays === settings.data.idleDays}
              onClick={() => mutations.settings.mutate({ idleDays: Number(idleDays) })}
            >
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

interface StageRowProps {
  stage: PipelineStage;
  others: PipelineStage[];
  onUp?: () => void;
  onDown?: () => void;
  mutations: ReturnType<typeof usePipelineMutations>;
}

function StageRow({ stage, others, onUp, onDown, mutations }: StageRowProps) {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  const label = stageLabel(stage);
  const [name, setName] = useState(label);
  const [probability, setProbability] = useState<number | string>(stage.probability);
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const dirty = name.trim() !== label || probability !== stage.probability;
  const archiveError = Object.values(fieldErrorsOf(mutations.archive.error)).find(isPipelineError);
  const needsTarget = archiveError === 'stageHasDeals' || archiveError === 'invalidTargetStage';
  const archive = () =>
    mutations.archive.mutate({ id: stage.id, version: stage.version, moveDealsTo: moveTo === null ? undefined : Number(moveTo) });

  return (
    <>
      <Table.Tr data-testid="stage-row">
        <Table.Td>
          <TextInput size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} aria-label={t('opportunities.pipeline.stageName')} />
        </Table.Td>
        <Table.Td>
          <NumberInput size="xs" min={0} max={100} value={probability} onChange={setProbability} aria-label={t('opportunities.pipeline.probability')} />
        </Table.Td>
        <Table.Td>
          <Badge variant="light" size="sm">
            {t(`opportunities.pipeline.outcomes.${stage.outcome}`)}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              disabled={!dirty}
              aria-label={t('common.save')}
              onClick={() =>
                mutations.update.mutate({
                  id: stage.id,
                  version: stage.version,
                  name: name.trim() !== label ? name : undefined,
                  probability: Number(probability),
                })
              }
            >
              <IconCheck size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" disabled={!onUp} onClick={onUp} aria-label={t('opportunities.pipeline.moveUp')}>
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" disabled={!onDown} onClick={onDown} aria-label={t('opportunities.pipeline.moveDown')}>
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('opportunities.pipeline.archive')}
              onClick={archive}
            >
              <IconArchive size={16} />
            </ActionIcon>
          </Group>
        </Table.Td>
      </Table.Tr>
      {archiveError && mutations.archive.variables?.id === stage.id && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <Alert color="yellow" p="xs">
              {t(`opportunities.pipeline.errors.${archiveError}`)}
              {needsTarget && (
                <Group mt="xs" align="flex-end">
                  <Select
                    size="xs"
                    label={t('opportunities.pipeline.moveDealsTo')}
                    data={others.map((s) => ({ value: String(s.id), label: stageLabel(s) }))}
                    value={moveTo}
                    onChange={setMoveTo}
                    data-testid="move-deals-to"
                  />
                  <Button size="xs" color="red" disabled={moveTo === null} onClick={archive}>
                    {t('opportunities.pipeline.archive')}
                  </Button>
                </Group>
              )}
            </Alert>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
