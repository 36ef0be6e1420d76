import { Alert } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOffline } from '../../api/connection-state';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';

const PROBE_MS = 3000;

/** While the host cannot be reached: says so, keeps the page as it is, and tries again every few seconds. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const offline = useOffline();
  const wasOffline = useRef(false);
  useEffect(() => {
    if (!offline) {
      if (wasOffline.current) {
        notifySuccess(t('live.reconnected'));
        void queryClient.invalidateQueries(); // what changed meanwhile
      }
      wasOffline.current = false;
      return;
    }
    wasOffline.current = true;
    const timer = setInterval(() => void queryClient.refetchQueries({ queryKey: trpc.auth.status.queryKey() }), PROBE_MS);
    return () => clearInterval(timer);
  }, [offline, queryClient, trpc, t]);
  if (!offline) return null;
  return (
    <Alert color="orange" icon={<IconPlugConnectedX size={18} />} mb="md" data-testid="offline-banner">
      {t('live.offline')}
    </Alert>
  );
}
