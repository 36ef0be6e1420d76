import { Button, Group, Modal, SegmentedControl, Select, Stack } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { fieldMessage } from '../../shared/field-message';
import { notifySuccess } from '../../shared/notify';
import { useOwnerOptions } from '../customers/useOwnerOptions';
import { leadName } from './lead-form-values';
import type { Lead } from './types';
import { useInvalidateLeads } from './useInvalidateLeads';

type Mode = 'manual' | 'roundRobin' | 'rule';
const POOL = 'pool';

/** Gives a lead to a colleague (or the pool), to the next rep of a team, or by the assignment rules. */
export function AssignLeadDialog({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={lead !== null} onClose={onClose} title={lead ? `${t('leads.assign.title')} · ${leadName(lead)}` : ''} centered>
      {lead && <AssignForm key={lead.id} lead={lead} onDone={onClose} />}
    </Modal>
  );
}

function AssignForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const owners = useOwnerOptions();
  const teams = useQuery(trpc.leads.teams.queryOptions());
  const invalidate = useInvalidateLeads();
  const [mode, setMode] = useState<Mode>('manual');
  const [ownerId, setOwnerId] = useState<string | null>(lead.ownerId === null ? POOL : String(lead.ownerId));
  const [teamId, setTeamId] = useState<string | null>(null);
  const assign = useMutation(
    trpc.leads.assign.mutationOptions({
      onSuccess: () => {
        void invalidate();
        notifySuccess(t('leads.assign.assigned'));
        onDone();
      },
    }),
  );
  const errors = fieldErrorsOf(assign.error);
  const submit = () => {
    const choice =
      mode === 'manual'
        ? { mode, ownerId: ownerId === POOL || ownerId === null ? null : Number(ownerId) }
        : mode === 'roundRobin'
          ? { mode, teamId: Number(teamId) }
          : { mode };
    assign.mutate({ id: lead.id, version: lead.version, assign: choice });
  };
  return (
    <Stack>
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as Mode)}
        data={(['manual', 'roundRobin', 'rule'] as const).map((m) => ({ value: m, label: t(`leads.assign.${m}`) }))}
        data-testid="assign-mode"
      />
      {mode === 'manual' && (
        <Select
          label={t('leads.field.owner')}
          data={[{ value: POOL, label: t('leads.noOwner') }, ...owners]}
          value={ownerId}
          onChange={setOwnerId}
          allowDeselect={false}
          error={errors.ownerId ? fieldMessage(t, errors.ownerId) : undefined}
        />
      )}
      {mode === 'roundRobin' && (
        <Select
          label={t('leads.assign.team')}
          data={(teams.data ?? []).map((team) => ({ value: String(team.id), label: team.name }))}
          value={teamId}
          onChange={setTeamId}
          error={errors.teamId ? fieldMessage(t, errors.teamId) : undefined}
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={assign.isPending} disabled={mode === 'roundRobin' && teamId === null} data-testid="assign-submit">
          {t('leads.assign.title')}
        </Button>
      </Group>
    </Stack>
  );
}
