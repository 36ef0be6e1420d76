import { ActionIcon, Button, Divider, Group, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import type { RouterOutputs } from '../../api/types';
import { fieldMessage } from '../../shared/field-message';
import { notifySuccess } from '../../shared/notify';
import { useOwnerOptions } from '../customers/useOwnerOptions';
import { useInvalidateLeads } from './useInvalidateLeads';

type Rule = RouterOutputs['leads']['rules'][number];

/** The owner's and managers' lead settings: the list of sources and the assignment rules. */
export function LeadSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const sources = useQuery({ ...trpc.leads.sources.queryOptions(), enabled: opened });
  const rules = useQuery({ ...trpc.leads.rules.queryOptions(), enabled: opened });
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.settings.title')} size="lg">
      {sources.data && rules.data && <SettingsForm sources={sources.data} rules={rules.data} onDone={onClose} />}
    </Modal>
  );
}

/** A rule targets a user ("u12") or a team ("t3") in one select. */
const targetOf = (rule: Rule) => (rule.userId !== null ? `u${rule.userId}` : `t${rule.teamId}`);

function SettingsForm({ sources: initialSources, rules: initialRules, onDone }: { sources: string[]; rules: Rule[]; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const owners = useOwnerOptions();
  const teams = useQuery(trpc.leads.teams.queryOptions());
  const invalidate = useInvalidateLeads();
  const [sources, setSources] = useState(initialSources);
  const [rules, setRules] = useState(initialRules.map((r) => ({ matchField: r.matchField, matchValue: r.matchValue, target: targetOf(r) })));
  const saveSources = useMutation(trpc.leads.saveSources.mutationOptions());
  const saveRules = useMutation(trpc.leads.saveRules.mutationOptions());
  const targets = [
    ...owners.map((o) => ({ value: `u${o.value}`, label: o.label })),
    ...(teams.data ?? []).map((team) => ({ value: `t${team.id}`, label: `${t('leads.assign.team')}: ${team.name}` })),
  ];
  const sourceError = fieldErrorsOf(saveSources.error).sources;
  const ruleErrors = fieldErrorsOf(saveRules.error);
  const save = async () => {
    await saveSources.mutateAsync({ sources });
    await saveRules.mutateAsync({
      rules: rules.map((r) => ({
        matchField: r.matchField,
        matchValue: r.matchValue,
        userId: r.target.startsWith('u') ? Number(r.target.slice(1)) : null,
        teamId: r.target.startsWith('t') ? Number(r.target.slice(1)) : null,
      })),
    });
    void invalidate();
    notifySuccess(t('leads.settings.saved'));
    onDone();
  };
  const setRule = (i: number, change: Partial<(typeof rules)[number]>) => setRules((list) => list.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Stack>
      <TagsInput
        label={t('leads.field.source')}
        value={sources}
        onChange={setSources}
        error={sourceError ? fieldMessage(t, sourceError) : undefined}
        data-testid="lead-sources"
      />
      <Divider label={t('leads.settings.rules')} labelPosition="left" />
      <Text size="sm" c="dimmed">
        {t('leads.settings.rulesHint')}
      </Text>
      {rules.map((rule, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <Select
            w={120}
            data={[
              { value: 'source', label: t('leads.field.source') },
              { value: 'region', label: t('leads.settings.region') },
            ]}
            value={rule.matchField}
            allowDeselect={false}
            onChange={(v) => v && setRule(i, { matchField: v as Rule['matchField'] })}
          />
          <TextInput
            flex={1}
            value={rule.matchValue}
            onChange={(e) => setRule(i, { matchValue: e.currentTarget.value })}
            error={ruleErrors.rules ? fieldMessage(t, ruleErrors.rules) : undefined}
          />
          <Select flex={1} data={targets} value={rule.target} allowDeselect={false} onChange={(v) => v && setRule(i, { target: v })} />
          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => setRules((list) => list.filter((_, j) => j !== i))} aria-label={t('common.delete')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={targets.length === 0}
          onClick={() => setRules((list) => [...list, { matchField: 'source', matchValue: '', target: targets[0]!.value }])}
        >
          {t('leads.settings.addRule')}
        </Button>
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save().catch(() => undefined)} loading={saveSources.isPending || saveRules.isPending} data-testid="lead-settings-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
