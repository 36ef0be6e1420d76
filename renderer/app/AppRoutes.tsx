import { Navigate, Route, Routes } from 'react-router';
import { CustomerEditPage } from '../features/customers/CustomerEditPage';
import { CustomerNewPage } from '../features/customers/CustomerNewPage';
import { CustomerPage } from '../features/customers/CustomerPage';
import { CustomersListPage } from '../features/customers/CustomersListPage';
import { DuplicatesPage } from '../features/merge/DuplicatesPage';
import { MergePage } from '../features/merge/MergePage';
import { ImportPage } from '../features/import/ImportPage';
import { TrashPage } from '../features/trash/TrashPage';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/customers" element={<CustomersListPage />} />
      <Route path="/customers/new" element={<CustomerNewPage />} />
      <Route path="/customers/:id" element={<CustomerPage />} />
      <Route path="/customers/:id/edit" element={<CustomerEditPage />} />
      <Route path="/duplicates" element={<DuplicatesPage />} />
      <Route path="/duplicates/merge/:a/:b" element={<MergePage />} />
      <Route path="/import" element={<ImportPage />} />
      <Route path="/trash" element={<TrashPage />} />
      <Route path="*" element={<Navigate to="/customers" replace />} />
    </Routes>
  );
}
