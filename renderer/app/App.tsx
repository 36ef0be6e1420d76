import { HashRouter } from 'react-router';
import { AuthGate } from '../features/auth/AuthGate';
import { FirstStartGate } from '../features/setup/FirstStartGate';
import { AppLayout } from './AppLayout';
import { AppRoutes } from './AppRoutes';
import { Providers } from './Providers';

// Hash routing: works the same over http, file:// and the desktop's custom protocol.
export function App() {
  return (
    <Providers>
      <HashRouter>
        <FirstStartGate>
          <AuthGate>
            <AppLayout>
              <AppRoutes />
            </AppLayout>
          </AuthGate>
        </FirstStartGate>
      </HashRouter>
    </Providers>
  );
}
