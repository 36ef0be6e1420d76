import { ThemeIcon } from '@mantine/core';
import { IconBriefcase, IconCalendarEvent, IconChecklist, IconPhone, type Icon } from '@tabler/icons-react';
import type { TaskKind } from '../../api/types';

export const KIND_STYLE: Record<TaskKind, { icon: Icon; color: string }> = {
  task: { icon: IconChecklist, color: 'indigo' },
  call: { icon: IconPhone, color: 'grape' },
  meeting: { icon: IconCalendarEvent, color: 'teal' },
  visit: { icon: IconBriefcase, color: 'orange' },
};

export function TaskKindIcon({ kind, label }: { kind: TaskKind; label: string }) {
  const { icon: Icon, color } = KIND_STYLE[kind];
  return (
    <ThemeIcon variant="light" color={color} size="md" radius="xl" aria-label={label} title={label}>
      <Icon size={16} />
    </ThemeIcon>
  );
}
