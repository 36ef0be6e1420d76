import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../electron/api/router';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
