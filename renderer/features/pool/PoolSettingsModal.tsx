import { Button, Group, Modal, NumberInput, Stack, Switch } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import type { RouterOutputs } from '../../api/types';
import { fieldMessage } from '../../shared/field-message';
import { notifySuccess } from '../../shared/notify';
import { useInvalidateLeads } from '../leads/useInvalidateLeads';

type PoolSettings = RouterOutputs['pool']['settings'];
const FIELDS = ['claimLimit', 'recycleDays', 'warnDays'] as const;

/** The owner's settings: the claim limit, the days without follow-up before recycling, the warning's lead time, when it runs. */
export function PoolSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const settings = useQuery({ ...trpc.pool.settings.queryOptions(), enabled: opened });
  return (
    <Modal opened={opened} onClose={onClose} title={t('pool.settings')} centered>
      {settings.data && <SettingsForm initial={settings.data} onDone={onClose} />}
    </Modal>
  );
}

function SettingsForm({ initial, onDone }: { initial: PoolSettings; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateLeads();
  const [values, setValues] = useState(initial);
  const save = useMutation(
    trpc.pool.saveSettings.mutationOptions({
      onSuccess: () => {
        void invalidate();
        notifySuccess(t('pool.settingsSaved'));
        onDone();
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  return (
    <Stack>
      <Switch
        label={t('pool.recycleEnabled')}
        checked={values.recycleEnabled}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          setValues((current) => ({ ...current, recycleEnabled: checked }));
        }}
        data-testid="pool-recycleEnabled"
      />
      {FIELDS.map((key) => (
        <NumberInput
          key={key}
          disabled={key !== 'claimLimit' && !values.recycleEnabled}
          label={t(`pool.${key}`)}
          min={0}
          value={values[key]}
          onChange={(v) => setValues((current) => ({ ...current, [key]: Number(v) || 0 }))}
          error={errors[key] ? fieldMessage(t, errors[key]) : undefined}
          data-testid={`pool-${key}`}
        />
      ))}
      <TimeInput
        label={t('pool.recycleTime')}
        description={t('pool.recycleTimeHint')}
        disabled={!values.recycleEnabled}
        value={values.recycleTime}
        onChange={(e) => {
          const recycleTime = e.currentTarget.value;
          setValues((current) => ({ ...current, recycleTime }));
        }}
        error={errors.recycleTime ? fieldMessage(t, errors.recycleTime) : undefined}
        data-testid="pool-recycleTime"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => save.mutate(values)} loading={save.isPending} data-testid="pool-settings-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
