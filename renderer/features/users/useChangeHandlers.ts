import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { notifyRefusal, showFormError } from './users-field-message';

/**
 * After an account or team change: the accounts, the teams, the colleague pickers, and the session
 * (an administrator who renamed themselves sees it in the user menu).
 */
function useInvalidateUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.users.pathFilter()),
        queryClient.invalidateQueries(trpc.teams.pathFilter()),
        queryClient.invalidateQueries(trpc.leads.teams.queryFilter()),
        queryClient.invalidateQueries(trpc.auth.status.queryFilter()),
      ]),
    [trpc, queryClient],
  );
}

interface ChangeHandlers<T, V> {
  /** What to say once it worked. */
  done: (result: T, variables: V) => string;
  then?: () => void;
  /** The form whose fields show the refusal; without one, a notification says why. */
  form?: Parameters<typeof showFormError>[0];
}

/** The mutation handlers of a change to accounts or teams: refresh, say it worked, or show why it was refused. */
export function useChangeHandlers() {
  const invalidate = useInvalidateUsers();
  return useCallback(
    <T, V>({ done, then, form }: ChangeHandlers<T, V>) => ({
      meta: { quiet: true },
      onSuccess: (result: T, variables: V) => {
        void invalidate();
        notifySuccess(done(result, variables));
        then?.();
      },
      onError: (error: unknown) => (form ? showFormError(form, error) : notifyRefusal(error)),
    }),
    [invalidate],
  );
}
