import { Anchor, Badge, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../api/types';
import { useFormat } from '../../shared/useFormat';
import { TaskKindIcon } from './TaskKindIcon';
import { isOverdue, localDayOf } from './task-values';
import { useSetTaskStatus } from './useSetTaskStatus';

interface TaskListProps {
  tasks: Task[];
  empty: string;
  onOpen: (task: Task) => void;
  /** On a customer's or a lead's page the record need not be named again. */
  showCustomer?: boolean;
}

export function TaskList({ tasks, empty, onOpen, showCustomer = true }: TaskListProps) {
  if (tasks.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {tasks.map((task) => (
        // Keyed by version too: a saved change starts the row afresh (its optimistic tick included).
        <TaskRow key={`${task.id}:${task.version}`} task={task} onOpen={onOpen} showCustomer={showCustomer} />
      ))}
    </Stack>
  );
}

function TaskRow({ task, onOpen, showCustomer }: { task: Task; onOpen: (task: Task) => void; showCustomer: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const setStatus = useSetTaskStatus();
  // Ticks at once; the list refetches (and a refused change unticks) after the server answers.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const done = ticked ?? task.status === 'done';
  const overdue = isOverdue(task, new Date());
  const when = task.allDay ? format.calendarDate(localDayOf(task.dueAt)) : format.instant(task.dueAt);
  return (
    <Group gap="sm" wrap="nowrap" py={6} px="xs" data-testid="task-row" data-task-id={task.id}>
      <Checkbox
        checked={done}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          setTicked(checked);
          setStatus(task, checked, () => setTicked(null));
        }}
        aria-label={t(done ? 'task.markOpen' : 'task.markDone')}
        data-testid="task-done"
      />
      <TaskKindIcon kind={task.kind} label={t(`task.kinds.${task.kind}`)} />
      <UnstyledButton onClick={() => onOpen(task)} style={{ flex: 1, minWidth: 0 }} data-testid="task-open">
        <Text fw={500} truncate td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined}>
          {task.title}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
            {task.allDay ? `${when} · ${t('myDay.allDay')}` : when}
          </Text>
          {task.remindAt && task.status === 'open' && <IconBell size={12} color="var(--mantine-color-dimmed)" aria-label={t('task.reminder')} />}
          <Text size="xs" c="dimmed" truncate>
            <IconUser size={12} style={{ verticalAlign: -2 }} /> {task.assigneeName}
          </Text>
        </Group>
      </UnstyledButton>
      {showCustomer && task.customerId !== null && (
        <Anchor component={Link} to={`/customers/${task.customerId}`} size="sm" truncate maw={220}>
          {task.customerName}
        </Anchor>
      )}
      {showCustomer && task.customerId === null && task.link?.type === 'lead' && (
        <Anchor component={Link} to={`/leads/${task.link.id}`} size="sm" truncate maw={220} data-testid="task-lead">
          {task.leadName}
        </Anchor>
      )}
      {task.priority !== 'normal' && (
        <Badge color={task.priority === 'high' ? 'red' : 'gray'} variant="light" size="sm">
          {t(`task.priorities.${task.priority}`)}
        </Badge>
      )}
    </Group>
  );
}
