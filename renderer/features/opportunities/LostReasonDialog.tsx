import { Autocomplete, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import { fieldMessage } from '../../shared/field-message';
import type { DealCard } from './types';
import { useMoveDeal } from './useMoveDeal';

export interface LosingDeal {
  card: DealCard;
  stageId: number;
}

/** Dropping a deal on a lost stage asks why; the move happens only with a reason (the API insists too). */
export function LostReasonDialog({ losing, onClose }: { losing: LosingDeal | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={losing !== null} onClose={onClose} title={t('opportunities.lost.title')} centered>
      {losing && <LostReasonForm key={losing.card.id} losing={losing} onDone={onClose} />}
    </Modal>
  );
}

function LostReasonForm({ losing, onDone }: { losing: LosingDeal; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const move = useMoveDeal({ quiet: true });
  const error = fieldErrorsOf(move.error).lostReason;
  const suggestions = t('opportunities.lost.suggestions', { returnObjects: true });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        move.mutate(
          { id: losing.card.id, version: losing.card.version, stageId: losing.stageId, lostReason: reason },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack>
        <Text size="sm">{t('opportunities.lost.message', { name: losing.card.name })}</Text>
        <Autocomplete
          label={t('opportunities.field.lostReason')}
          placeholder={t('opportunities.lost.placeholder')}
          data={suggestions}
          value={reason}
          onChange={setReason}
          required
          autoFocus
          name="lostReason"
          error={error ? fieldMessage(t, error) : undefined}
          data-testid="lost-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={move.isPending} data-testid="confirm-lost">
            {t('opportunities.lost.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
