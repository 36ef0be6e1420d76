import { Group, Kbd } from '@mantine/core';
import { MOD_KEY_LABEL } from '../search/global-search-store';

/** The key that, with Ctrl (⌘ on a Mac), opens quick-log from anywhere. */
export const QUICK_LOG_KEY = 'J';

/** The shortcut as the keyboard shows it: Ctrl J, or ⌘ J. */
export function QuickLogShortcut() {
  return (
    <Group gap={2} wrap="nowrap">
      <Kbd size="xs">{MOD_KEY_LABEL}</Kbd>
      <Kbd size="xs">{QUICK_LOG_KEY}</Kbd>
    </Group>
  );
}
