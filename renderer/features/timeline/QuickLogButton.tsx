import { Button, Group, Kbd, Tooltip } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MOD_KEY_LABEL } from '../search/global-search-store';
import { quickLog } from './quick-log-store';

/** The header's way into quick-log, showing its shortcut. */
export function QuickLogButton() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('timeline.shortcut')}>
      <Button
        variant="light"
        visibleFrom="sm"
        leftSection={<IconMessagePlus size={16} />}
        rightSection={
          <Group gap={2} wrap="nowrap">
            <Kbd size="xs">{MOD_KEY_LABEL}</Kbd>
            <Kbd size="xs">J</Kbd>
          </Group>
        }
        onClick={() => quickLog.open()}
        data-testid="quick-log-button"
      >
        {t('timeline.logShort')}
      </Button>
    </Tooltip>
  );
}
