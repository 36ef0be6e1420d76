import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';
import { useSession } from './useSession';

export function useLogout() {
  const trpc = useTRPC();
  const { signedOut } = useSession();
  return useMutation(trpc.auth.logout.mutationOptions({ onSuccess: signedOut }));
}

/** Signs this user out on every device and browser (a lost laptop, a shared PC). */
export function useLogoutEverywhere() {
  const trpc = useTRPC();
  const { signedOut } = useSession();
  return useMutation(trpc.auth.logoutEverywhere.mutationOptions({ onSuccess: signedOut }));
}
