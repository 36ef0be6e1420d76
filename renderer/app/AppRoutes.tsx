import { Navigate, Route, Routes } from 'react-router';
import { BackupFailureNotifier } from '../features/backups/BackupFailureNotifier';
import { CustomersListPage } from '../features/customers/CustomersListPage';
import { lazyPage } from './lazy-page';

// The customer list, where people start, comes with the app; every other screen loads when opened.
const CustomerPage = lazyPage(() => import('../features/customers/CustomerPage').then((m) => m.CustomerPage));
const CustomerNewPage = lazyPage(() => import('../features/customers/CustomerNewPage').then((m) => m.CustomerNewPage));
const CustomerEditPage = lazyPage(() => import('../features/customers/CustomerEditPage').then((m) => m.CustomerEditPage));
const ImportPage = lazyPage(() => import('../features/import/ImportPage').then((m) => m.ImportPage));
const TrashPage = lazyPage(() => import('../features/trash/TrashPage').then((m) => m.TrashPage));
const DuplicatesPage = lazyPage(() => import('../features/merge/DuplicatesPage').then((m) => m.DuplicatesPage));
const MergePage = lazyPage(() => import('../features/merge/MergePage').then((m) => m.MergePage));
const MyDayPage = lazyPage(() => import('../features/tasks/MyDayPage').then((m) => m.MyDayPage));
const CalendarPage = lazyPage(() => import('../features/calendar/CalendarPage').then((m) => m.CalendarPage));
const OpportunitiesPage = lazyPage(() => import('../features/opportunities/OpportunitiesPage').then((m) => m.OpportunitiesPage));
const LeadsPage = lazyPage(() => import('../features/leads/LeadsPage').then((m) => m.LeadsPage));
const LeadPage = lazyPage(() => import('../features/leads/LeadPage').then((m) => m.LeadPage));
const PoolPage = lazyPage(() => import('../features/pool/PoolPage').then((m) => m.PoolPage));
const BackupSettingsPage = lazyPage(() => import('../features/backups/BackupSettingsPage').then((m) => m.BackupSettingsPage));
const OfficeNetworkPage = lazyPage(() => import('../features/lan/OfficeNetworkPage').then((m) => m.OfficeNetworkPage));
const UsersPage = lazyPage(() => import('../features/users/UsersPage').then((m) => m.UsersPage));
const PermissionsPage = lazyPage(() => import('../features/permissions/PermissionsPage').then((m) => m.PermissionsPage));

export function AppRoutes() {
  return (
    <>
      <BackupFailureNotifier />
      <Routes>
        <Route path="/customers" element={<CustomersListPage />} />
        <Route path="/customers/new" element={<CustomerNewPage />} />
        <Route path="/customers/:id" element={<CustomerPage />} />
        <Route path="/customers/:id/edit" element={<CustomerEditPage />} />
        <Route path="/import" element={<ImportPage />} />
        <Route path="/trash" element={<TrashPage />} />
        <Route path="/duplicates" element={<DuplicatesPage />} />
        <Route path="/duplicates/merge/:a/:b" element={<MergePage />} />
        <Route path="/my-day" element={<MyDayPage />} />
        <Route path="/calendar" element={<CalendarPage />} />
        <Route path="/opportunities" element={<OpportunitiesPage />} />
        <Route path="/leads" element={<LeadsPage />} />
        <Route path="/leads/:id" element={<LeadPage />} />
        <Route path="/pool" element={<PoolPage />} />
        <Route path="/settings" element={<Navigate to="/settings/backup" replace />} />
        <Route path="/settings/backup" element={<BackupSettingsPage />} />
        <Route path="/settings/network" element={<OfficeNetworkPage />} />
        <Route path="/settings/users" element={<UsersPage />} />
        <Route path="/settings/permissions" element={<PermissionsPage />} />
        <Route path="*" element={<Navigate to="/customers" replace />} />
      </Routes>
    </>
  );
}
