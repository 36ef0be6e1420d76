import { Button, Collapse } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** On a phone, a block of controls (a list's filters) folds behind a button; wider screens show it as is. */
export function CollapsibleOnPhone({ label, active, children }: { label: string; active: boolean; children: ReactNode }) {
  // Read while rendering, not after: a second pass of the whole block cost the list's first screen ~20 ms.
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const [opened, { toggle }] = useDisclosure(false);
  if (!phone) return children;
  return (
    <>
      <Button
        variant={active ? 'light' : 'default'}
        size="xs"
        leftSection={<IconAdjustmentsHorizontal size={14} />}
        onClick={toggle}
        style={{ alignSelf: 'flex-start' }}
        data-testid="toggle-filters"
      >
        {label}
      </Button>
      <Collapse expanded={opened}>{children}</Collapse>
    </>
  );
}
