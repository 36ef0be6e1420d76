import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDataOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import type { DuplicateMatch } from '../../api/types';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useInvalidateCustomers } from '../customers/useInvalidateCustomers';
import type { TrashConflict, TrashItem } from './trash-types';

/** A restore the server held back because the record now duplicates a live one. */
export interface HeldRestore {
  item: TrashItem;
  matches: DuplicateMatch[];
}

/**
 * Restore and purge for the trash page. A restore that duplicates a live record comes back as `held`
 * for the user to confirm; a stale entry (restored or changed meanwhile) says so and refreshes the list.
 */
export function useTrashActions() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidateCustomers = useInvalidateCustomers();
  const [held, setHeld] = useState<HeldRestore | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.trash.pathFilter()), invalidateCustomers()]);

  const onError = (error: unknown, item: TrashItem) => {
    const matches = errorDataOf<DuplicateMatch[]>(error, 'duplicate');
    if (matches) return setHeld({ item, matches });
    const conflict = errorDataOf<TrashConflict>(error, 'conflict');
    if (conflict) {
      notifications.show({ color: 'yellow', message: t(`trash.conflict.${conflict.reason}`) });
      return void refresh();
    }
    notifyError(error);
  };

  const restore = useMutation({
    ...trpc.trash.restore.mutationOptions(),
    meta: { quiet: true },
    onSuccess: () => {
      setHeld(null);
      void refresh();
    },
  });
  const purge = useMutation({ ...trpc.trash.purge.mutationOptions(), meta: { quiet: true } });

  return {
    held,
    dismissHeld: () => setHeld(null),
    restoring: restore.isPending ? restore.variables : undefined,
    restore: (item: TrashItem, confirmDuplicates = false) =>
      restore.mutate(
        { kind: item.kind, id: item.id, version: item.version, confirmDuplicates },
        {
          onSuccess: () => notifySuccess(t('trash.restored', { name: item.name })),
          onError: (error) => onError(error, item),
        },
      ),
    purging: purge.isPending,
    purge: (item: TrashItem, onDone: () => void) =>
      purge.mutate(
        { kind: item.kind, id: item.id, version: item.version },
        {
          onSuccess: () => {
            notifySuccess(t('trash.purged', { name: item.name }));
            void refresh();
          },
          onError: (error) => onError(error, item),
          onSettled: onDone,
        },
      ),
  };
}
