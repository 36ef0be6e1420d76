import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const SECTIONS = ['backup', 'network', 'permissions'] as const;

/** The settings sections, one page each under /settings/<section>. */
export function SettingsTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const section = useLocation().pathname.split('/')[2];
  return (
    <Tabs value={section} onChange={(next) => next && navigate(`/settings/${next}`)}>
      <Tabs.List>
        {SECTIONS.map((key) => (
          <Tabs.Tab key={key} value={key} data-testid={`settings-tab-${key}`}>
            {t(`settings.section.${key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
