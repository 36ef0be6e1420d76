import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useInvalidateTasks } from './useInvalidateTasks';

/** Ticks a task done (or open again) with the version the screen shows. */
export function useSetTaskStatus() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidateTasks = useInvalidateTasks();
  const mutation = useMutation(
    trpc.tasks.setStatus.mutationOptions({
      onSuccess: (task) => {
        if (task.status === 'done') notifySuccess(t('task.done', { title: task.title }));
      },
      onSettled: () => invalidateTasks(),
    }),
  );
  return (task: Task, done: boolean, onError?: () => void) =>
    mutation.mutate({ id: task.id, version: task.version, status: done ? 'done' : 'open' }, { onError });
}
