import { Navigate, Route, Routes } from 'react-router';
import { BackupFailureNotifier } from '../features/backups/BackupFailureNotifier';
import { BackupSettingsPage } from '../features/backups/BackupSettingsPage';
import { CustomerEditPage } from '../features/customers/CustomerEditPage';
import { CustomerNewPage } from '../features/customers/CustomerNewPage';
import { CustomerPage } from '../features/customers/CustomerPage';
import { CustomersListPage } from '../features/customers/CustomersListPage';
import { OfficeNetworkPage } from '../features/lan/OfficeNetworkPage';
import { PermissionsPage } from '../features/permissions/PermissionsPage';
import { LeadPage } from '../features/leads/LeadPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { PoolPage } from '../features/pool/PoolPage';
import { DuplicatesPage } from '../features/merge/DuplicatesPage';
import { MergePage } from '../features/merge/MergePage';
import { ImportPage } from '../features/import/ImportPage';
import { OpportunitiesPage } from '../features/opportunities/OpportunitiesPage';
import { TrashPage } from '../features/trash/TrashPage';
import { LazyCalendarPage } from '../features/calendar/LazyCalendarPage';
import { MyDayPage } from '../features/tasks/MyDayPage';

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
        <Route path="/calendar" element={<LazyCalendarPage />} />
        <Route path="/opportunities" element={<OpportunitiesPage />} />
        <Route path="/leads" element={<LeadsPage />} />
        <Route path="/leads/:id" element={<LeadPage />} />
        <Route path="/pool" element={<PoolPage />} />
        <Route path="/settings" element={<Navigate to="/settings/backup" replace />} />
        <Route path="/settings/backup" element={<BackupSettingsPage />} />
        <Route path="/settings/network" element={<OfficeNetworkPage />} />
        <Route path="/settings/permissions" element={<PermissionsPage />} />
        <Route path="*" element={<Navigate to="/customers" replace />} />
      </Routes>
    </>
  );
}
