import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small label over its value, for read-only facts; an empty value shows as a dash. */
export function LabeledValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}
