import { createTheme, localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { trpcClient } from '../api/client';
import { createQueryClient } from '../api/query-client';
import { TRPCProvider } from '../api/trpc';
import 'dayjs/locale/zh-cn';

const theme = createTheme({
  primaryColor: 'indigo',
  // One list with the loading line's (app.css).
  fontFamily: 'var(--crm-font-family)',
});

const colorSchemeManager = localStorageColorSchemeManager({ key: 'officeCrm.colorScheme' });

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <DatesProvider settings={{ locale: i18n.language === 'zh-CN' ? 'zh-cn' : 'en' }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            {children}
          </TRPCProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
