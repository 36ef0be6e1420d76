import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** Switches between the two screens of "Tasks & Calendar". */
export function TasksTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <SegmentedControl
      value={pathname.startsWith('/calendar') ? '/calendar' : '/my-day'}
      onChange={(path) => void navigate(path)}
      data={[
        { value: '/my-day', label: t('myDay.title') },
        { value: '/calendar', label: t('myDay.calendar') },
      ]}
      data-testid="tasks-tabs"
    />
  );
}
