import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { fieldMessage } from '../../shared/field-message';
import { notifySuccess } from '../../shared/notify';
import { useInvalidateLeads } from '../leads/useInvalidateLeads';

export interface Releasing {
  kind: 'customer' | 'lead';
  id: number;
  version: number;
  name: string;
}

/** Gives a customer or lead back to the public pool; the reason is required and kept in its history. */
export function ReleaseDialog({ releasing, onClose }: { releasing: Releasing | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={releasing !== null} onClose={onClose} title={releasing ? t('leads.release.title', { name: releasing.name }) : ''} centered>
      {releasing && <ReleaseForm key={`${releasing.kind}-${releasing.id}`} releasing={releasing} onDone={onClose} />}
    </Modal>
  );
}

function ReleaseForm({ releasing, onDone }: { releasing: Releasing; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateLeads();
  const [reason, setReason] = useState('');
  const release = useMutation(
    trpc.pool.release.mutationOptions({
      onSuccess: () => {
        void invalidate();
        notifySuccess(t('leads.release.done', { name: releasing.name }));
        onDone();
      },
    }),
  );
  const reasonError = fieldErrorsOf(release.error).reason;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        release.mutate({ kind: releasing.kind, id: releasing.id, version: releasing.version, reason });
      }}
    >
      <Stack>
        <Textarea
          label={t('leads.release.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError ? fieldMessage(t, reasonError) : undefined}
          data-testid="release-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={release.isPending} data-testid="release-submit">
            {t('leads.release.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
