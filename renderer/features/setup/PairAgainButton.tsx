import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setupApi } from '../../api/setup';
import { SETUP_STATE_KEY } from './FirstStartGate';

/** After the office server's certificate changed: forget it and go through pairing again. */
export function PairAgainButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const disconnect = useMutation({
    mutationFn: setupApi.disconnect,
    onSuccess: (state) => {
      queryClient.removeQueries();
      queryClient.setQueryData(SETUP_STATE_KEY, state);
    },
  });
  return (
    <Button variant="default" color="red" onClick={() => disconnect.mutate()} loading={disconnect.isPending} data-testid="pair-again">
      {t('setup.pairAgain')}
    </Button>
  );
}
