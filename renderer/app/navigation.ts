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
  /** Shown only to users whose role has it (the API refuses the others anyway). */
  capability?: SessionUser['capabilities'][number];
}

export const NAVIGATION_AREAS: NavigationArea[] = [
  { key: 'dashboard', icon: IconLayoutDashboard },
  { key: 'customers', icon: IconAddressBook, path: '/customers' },
  { key: 'duplicates', icon: IconCopy, path: '/duplicates' },
  { key: 'import', icon: IconFileImport, path: '/import' },
  { key: 'leads', icon: IconUserSearch, path: '/leads' },
  { key: 'pool', icon: IconUsersGroup, path: '/pool', capability: 'pool' },
  { key: 'opportunities', icon: IconTargetArrow, path: '/opportunities' },
  { key: 'tasks', icon: IconCalendarEvent, path: '/my-day' },
  { key: 'quotes', icon: IconFileInvoice },
  { key: 'service', icon: IconHeadset },
  { key: 'marketing', icon: IconSpeakerphone },
  { key: 'reports', icon: IconChartBar },
  { key: 'settings', icon: IconSettings, path: '/settings' },
  { key: 'trash', icon: IconTrash, path: '/trash' },
];
