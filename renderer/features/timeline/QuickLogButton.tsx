import { Button, Tooltip } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { quickLog } from './quick-log-store';
import { QuickLogShortcut } from './QuickLogShortcut';

/** The header's way into quick-log, showing its shortcut. */
export function QuickLogButton() {
  const { t } = useTranslation();
  return (
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
  );
}
