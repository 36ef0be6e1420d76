import { NavLink, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAccess } from '../features/auth/useAccess';
import { NAVIGATION_AREAS } from './navigation';

export function NavigationMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { may, can } = useAccess();
  const areas = NAVIGATION_AREAS.filter((area) => (!area.capability || may(area.capability)) && (!area.needs || can(...area.needs)));
  return areas.map(({ key, icon: Icon, path }) => {
    const label = t(`nav.${key}`);
    const leftSection = <Icon size={18} stroke={1.6} />;
    if (!path) {
      return (
        <Tooltip key={key} label={t('nav.comingSoon')} position="right" withArrow>
          {/* A disabled button ignores the pointer, so the tooltip listens on a wrapper. */}
          <div>
            <NavLink component="button" label={label} leftSection={leftSection} disabled data-testid={`nav-${key}`} />
          </div>
        </Tooltip>
      );
    }
    return (
      <NavLink
        key={key}
        component={Link}
        to={path}
        label={label}
        leftSection={leftSection}
        active={pathname.startsWith(path)}
        onClick={onNavigate}
        data-testid={`nav-${key}`}
      />
    );
  });
}
