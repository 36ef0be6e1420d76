import {
  IconAddressBook,
  IconCalendarEvent,
  IconChartBar,
  IconCopy,
  IconFileImport,
  IconFileInvoice,
  IconHeadset,
  IconLayoutDashboard,
  IconSettings,
  IconSpeakerphone,
  IconTargetArrow,
  IconTrash,
  IconUserSearch,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { SessionUser } from '../api/types';

export interface NavigationArea {
  key: 'dashboard' | 'customers' | 'duplicates' | 'import' | 'leads' | 'pool' | 'opportunities' | 'tasks' | 'quotes' | 'service' | 'marketing' | 'reports' | 'settings' | 'trash';
  icon: Icon;
  /** Where the area lives; areas without one are still to come. */
  path?: string;
  /** Shown only to users whose role has it (the API refuses the others anyway)… */
  capability?: SessionUser['capabilities'][number];
  /** …or who may do this in that module. */
  needs?: [keyof SessionUser['modules'], SessionUser['modules']['customers'][number]];
}

export const NAVIGATION_AREAS: NavigationArea[] = [
  { key: 'dashboard', icon: IconLayoutDashboard },
  { key: 'customers', icon: IconAddressBook, path: '/customers', needs: ['customers', 'view'] },
  { key: 'duplicates', icon: IconCopy, path: '/duplicates', needs: ['customers', 'edit'] },
  { key: 'import', icon: IconFileImport, path: '/import', needs: ['customers', 'create'] },
  { key: 'leads', icon: IconUserSearch, path: '/leads', needs: ['leads', 'view'] },
  { key: 'pool', icon: IconUsersGroup, path: '/pool', capability: 'pool' },
  { key: 'opportunities', icon: IconTargetArrow, path: '/opportunities', needs: ['opportunities', 'view'] },
  { key: 'tasks', icon: IconCalendarEvent, path: '/my-day', needs: ['tasks', 'view'] },
  { key: 'quotes', icon: IconFileInvoice },
  { key: 'service', icon: IconHeadset },
  { key: 'marketing', icon: IconSpeakerphone },
  { key: 'reports', icon: IconChartBar },
  { key: 'settings', icon: IconSettings, path: '/settings' },
  { key: 'trash', icon: IconTrash, path: '/trash', needs: ['customers', 'delete'] },
];
