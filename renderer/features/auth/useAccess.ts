import type { SessionUser } from '../../api/types';
import { useCurrentUser } from './CurrentUserContext';

export type Capability = SessionUser['capabilities'][number];
export type Module = keyof SessionUser['modules'];
export type Action = SessionUser['modules'][Module][number];

/**
 * What the signed-in user may do, as the session says: screens show only what works. (Courtesy only:
 * the API checks every call.)
 */
export function useAccess() {
  const user = useCurrentUser();
  return {
    may: (capability: Capability) => user.capabilities.includes(capability),
    can: (module: Module, action: Action) => user.modules[module].includes(action),
  };
}
