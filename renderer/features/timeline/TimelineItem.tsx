import { ActionIcon, Badge, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconEdit, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/useFormat';
import { TYPE_COLORS, TYPE_ICONS } from './interaction-values';
import { quickLog } from './quick-log-store';
import type { Interaction } from './types';

interface TimelineItemProps {
  interaction: Interaction;
  /** Asks to delete it (the card confirms); stable, so loading more pages re-renders only the new items. */
  onDelete: (interaction: Interaction) => void;
}

const names = (people: { name: string }[]) => people.map((p) => p.name).join('、');

function Labeled({ label, children }: { label: string; children: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

export const TimelineItem = memo(function TimelineItem({ interaction: i, onDelete }: TimelineItemProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const Icon = TYPE_ICONS[i.type];
  const DirectionIcon = i.direction === 'inbound' ? IconArrowDownLeft : IconArrowUpRight;
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="timeline-item" data-type={i.type}>
      <ThemeIcon variant="light" color={TYPE_COLORS[i.type]} radius="xl" size="lg" aria-hidden>
        <Icon size={18} />
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap={6}>
            <Text fw={600} size="sm">
              {t(`timeline.type.${i.type}`)}
            </Text>
            {i.channel && (
              <Badge variant="light" color={TYPE_COLORS[i.type]} size="sm" tt="none">
                {t(`timeline.channel.${i.channel}` as 'timeline.channel.other')}
              </Badge>
            )}
            {i.direction && (
              <Tooltip label={t(`timeline.direction.${i.direction}`)}>
                <DirectionIcon size={14} aria-label={t(`timeline.direction.${i.direction}`)} />
              </Tooltip>
            )}
            {i.durationMinutes !== null && (
              <Badge variant="outline" color="gray" size="sm" tt="none">
                {t('timeline.item.minutes', { count: i.durationMinutes })}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {format.instant(i.occurredAt)}
            </Text>
          </Group>
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('common.edit')}
              onClick={() => quickLog.open({ editing: i })}
              data-testid="edit-interaction"
            >
              <IconEdit size={14} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="sm"
              color="red"
              aria-label={t('common.delete')}
              onClick={() => onDelete(i)}
              data-testid="delete-interaction"
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        </Group>
        {i.content && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="interaction-content">
            {i.content}
          </Text>
        )}
        {(i.outcome || i.nextStep || i.nextFollowUpOn) && (
          <Group gap="md">
            {i.outcome && <Labeled label={t('timeline.item.outcome')}>{i.outcome}</Labeled>}
            {i.nextStep && <Labeled label={t('timeline.item.nextStep')}>{i.nextStep}</Labeled>}
            {i.nextFollowUpOn && (
              <Badge variant="light" color="yellow" size="sm" tt="none">
                {t('timeline.item.followUp', { date: format.calendarDate(i.nextFollowUpOn) })}
              </Badge>
            )}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {[
            i.contacts.length > 0 && t('timeline.item.with', { names: names(i.contacts) }),
            i.staff.length > 0 && t('timeline.item.staff', { names: names(i.staff) }),
            // Who logged it matters only when they were not there themselves.
            !i.staff.some((s) => s.id === i.createdBy.id) && t('timeline.item.by', { name: i.createdBy.name }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
});
