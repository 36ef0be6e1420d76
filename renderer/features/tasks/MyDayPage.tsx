import { Badge, Button, Card, Center, Group, Loader, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Task } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { localTimeZone } from '../../shared/time-zone';
import { TaskFormModal, type TaskEditing } from './TaskFormModal';
import { TaskList } from './TaskList';
import { TasksTabs } from './TasksTabs';

/** "My day": the signed-in user's overdue work, what is due today, and the coming week. */
export function MyDayPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [editing, setEditing] = useState<TaskEditing>(null);
  const day = useQuery(trpc.tasks.myDay.queryOptions({ timeZone: localTimeZone() }, { refetchInterval: 60_000 }));
  useOpenTaskFromAddress(setEditing);
  const open = (task: Task) => setEditing({ task });

  return (
    <Stack maw={1000} gap="md">
      <Group justify="space-between">
        <Group gap="md">
          <Title order={2}>{t('myDay.title')}</Title>
          <TasksTabs />
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ defaults: {} })} data-testid="new-task">
          {t('task.new')}
        </Button>
      </Group>
      {day.isPending ? (
        <Center h={200}>
          <Loader />
        </Center>
      ) : (
        day.data && (
          <>
            <Section title={t('myDay.overdue')} count={day.data.overdue.length} color="red" testId="my-day-overdue">
              <TaskList tasks={day.data.overdue} empty={t('myDay.nothingOverdue')} onOpen={open} />
            </Section>
            <Section title={t('myDay.dueToday')} count={day.data.dueToday.length} color="indigo" testId="my-day-today">
              <TaskList tasks={day.data.dueToday} empty={t('myDay.nothingToday')} onOpen={open} />
            </Section>
            <Section title={t('myDay.upcoming')} count={day.data.upcoming.length} color="gray" testId="my-day-upcoming">
              <TaskList tasks={day.data.upcoming} empty={t('myDay.nothingUpcoming')} onOpen={open} />
            </Section>
          </>
        )
      )}
      <TaskFormModal editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function Section({ title, count, color, testId, children }: { title: string; count: number; color: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Group gap="xs" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {count > 0 && (
          <Badge color={color} variant="light" size="sm" circle>
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Card>
  );
}

/** A notification links to "/my-day?task=12": that task opens in the dialog. */
function useOpenTaskFromAddress(setEditing: (editing: TaskEditing) => void) {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('task'));
  const task = useQuery({ ...trpc.tasks.get.queryOptions({ id }), enabled: Number.isInteger(id) && id > 0 });
  useEffect(() => {
    if (!task.data) return;
    setEditing({ task: task.data });
    setParams({}, { replace: true });
  }, [task.data, setEditing, setParams]);
}
