import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A card of the page: heading with its main action, a sentence saying what it is for, then the content. */
export function SectionCard({ title, explain, action, children }: { title: string; explain: string; action: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {title}
          </Title>
          {action}
        </Group>
        <Text size="sm" c="dimmed">
          {explain}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
