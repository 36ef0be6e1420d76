import { Button, Card, Group, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterInputs } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { TaskFormModal, type TaskEditing } from './TaskFormModal';
import { TaskList } from './TaskList';

interface FollowUpsCardProps {
  /** Whose follow-ups: a customer's (with its contacts', deals' and lead's) or one linked record's. */
  filter: Pick<RouterInputs['tasks']['list'], 'customerId' | 'linkType' | 'linkId'>;
  /** What "Add follow-up" fills in. */
  newTask: NonNullable<TaskEditing>;
  testId: string;
}

/** A record's open follow-ups (tasks, calls, meetings, visits), soonest first. */
export function FollowUpsCard({ filter, newTask, testId }: FollowUpsCardProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [editing, setEditing] = useState<TaskEditing>(null);
  const tasks = useQuery(trpc.tasks.list.queryOptions({ ...filter, statuses: ['open'] }));
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('followUps.heading')}
        </Title>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing(newTask)} data-testid="add-follow-up">
          {t('followUps.add')}
        </Button>
      </Group>
      <TaskList tasks={tasks.data ?? []} empty={t('followUps.none')} onOpen={(task) => setEditing({ task })} showCustomer={false} />
      <TaskFormModal editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
