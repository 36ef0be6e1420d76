import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLastValue } from '../../shared/useLastValue';
import { DuplicateAlert } from '../customers/DuplicateAlert';
import type { HeldRestore } from './useTrashActions';

interface RestoreDuplicatesModalProps {
  held: HeldRestore | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Shows what a restore would duplicate; restoring anyway is allowed. */
export function RestoreDuplicatesModal({ held, busy, onConfirm, onClose }: RestoreDuplicatesModalProps) {
  const { t } = useTranslation();
  const shown = useLastValue(held);
  return (
    <Modal opened={held !== null} onClose={onClose} title={t('trash.duplicateTitle', { name: shown?.item.name ?? '' })} centered>
      <Stack>
        <DuplicateAlert matches={shown?.matches ?? []} />
        <Text size="sm">{t('trash.duplicateHint')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="yellow" onClick={onConfirm} loading={busy} data-testid="restore-anyway">
            {t('trash.restoreAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
