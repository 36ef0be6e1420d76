import { Center, Loader } from '@mantine/core';
import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { setupApi } from '../../api/setup';
import { useTRPC } from '../../api/trpc';
import { useOpeningListPrefetch } from '../customers/useCustomerPages';
import { FirstStartScreen } from './FirstStartScreen';

export const SETUP_STATE_KEY = ['setup', 'state'] as const;

/** Whether this is a browser (null), the desktop with the office database, or a colleague's copy; asked once. */
export const useSetupState = () => useQuery({ queryKey: SETUP_STATE_KEY, queryFn: setupApi.state, staleTime: Infinity, meta: { quiet: true } });

/** A fresh desktop copy first chooses: its own office database, or an office server on the network. */
export function FirstStartGate({ children }: { children: ReactNode }) {
  const state = useSetupState();
  // Asked at the same time, not after: the sign-in state is what the app shows next (AuthGate), and
  // the list's first page when the app opens on it.
  usePrefetchQuery(useTRPC().auth.status.queryOptions());
  const openingList = useOpeningListPrefetch();
  if (state.isPending || openingList) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (state.data?.mode === 'choose') return <FirstStartScreen />;
  return children;
}
