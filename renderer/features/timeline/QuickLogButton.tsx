import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { quickLog } from './quick-log-store';
import { QuickLogShortcut } from './QuickLogShortcut';

/** The header's way into quick-log, showing its shortcut (on a phone, just the icon). */
export function QuickLogButton() {
  const { t } = useTranslation();
  return (
    <>
      <ActionIcon
        variant="light"
        size="lg"
        hiddenFrom="sm"
        aria-label={t('timeline.logShort')}
        onClick={() => quickLog.open()}
        data-testid="quick-log-icon"
      >
        <IconMessagePlus size={18} />
      </ActionIcon>
      <Tooltip label={t('timeline.shortcut')}>
      <Button
        variant="light"
        visibleFrom="sm"
        leftSection={<IconMessagePlus size={16} />}
        rightSection={<QuickLogShortcut />}
        onClick={() => quickLog.open()}
        data-testid="quick-log-button"
      >
        {t('timeline.logShort')}
      </Button>
      </Tooltip>
    </>
  );
}
