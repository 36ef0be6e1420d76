import type { DatesSetArg, EventChangeArg } from '@fullcalendar/core';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Button, Card, Group, Select, Stack, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../api/trpc';
import { downloadText } from '../../shared/download';
import { notifyError, notifySuccess } from '../../shared/notify';
import { localTimeZone } from '../../shared/time-zone';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { useOwnerOptions } from '../customers/useOwnerOptions';
import { TaskFormModal, type TaskEditing } from '../tasks/TaskFormModal';
import { TasksTabs } from '../tasks/TasksTabs';
import { useInvalidateTasks } from '../tasks/useInvalidateTasks';
import { eventOf, taskOfEvent } from './calendar-events';
import { visibleHours } from './calendar-hours';
import classes from './CalendarPage.module.css';
import { useAccess } from '../auth/useAccess';

const TOOLBAR = { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay' };
const ARROWS = { prev: '‹', next: '›' };
const EVENT_TIME = { hour: 'numeric', minute: '2-digit', meridiem: 'short' } as const;
const PLUGINS = [dayGridPlugin, timeGridPlugin, interactionPlugin];
const LOCALES = [zhCnLocale];

/** The visible range as the API wants it; the same object while it is unchanged, so re-renders do not loop. */
function rangeOf(arg: DatesSetArg) {
  const from = arg.start.toISOString();
  const to = arg.end.toISOString();
  return (previous: { from: string; to: string } | null) => (previous?.from === from && previous.to === to ? previous : { from, to });
}

/** Month, week and day views of the user's tasks, meetings and visits. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const invalidateTasks = useInvalidateTasks();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [editing, setEditing] = useState<TaskEditing>(null);
  const [exporting, setExporting] = useState(false);
  const user = useCurrentUser();
  const { may } = useAccess();
  const colleagues = useOwnerOptions();
  // Whose calendar: one's own, or a colleague's the API lets one see (a manager their team's).
  const [assigneeId, setAssigneeId] = useState(String(user.id));
  const tasks = useQuery({
    ...trpc.calendar.range.queryOptions({ ...(range ?? { from: '', to: '' }), assigneeId: Number(assigneeId) }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
  const events = useMemo(() => (tasks.data ?? []).map(eventOf), [tasks.data]);
  const hours = useMemo(() => visibleHours(tasks.data ?? []), [tasks.data]);
  const reschedule = useMutation(
    trpc.tasks.reschedule.mutationOptions({
      onSuccess: (task) => notifySuccess(t('task.moved', { title: task.title })),
      onSettled: () => invalidateTasks(),
    }),
  );

  // A drag or resize saves with the version shown; a refused one (someone else changed it) snaps back.
  const move = ({ event, revert }: EventChangeArg) => {
    const task = taskOfEvent(event);
    if (!event.start) return revert();
    reschedule.mutate(
      { id: task.id, version: task.version, dueAt: event.start.toISOString(), endsAt: event.end?.toISOString() ?? null, allDay: event.allDay },
      { onError: revert },
    );
  };

  const exportIcs = async () => {
    setExporting(true);
    try {
      const { filename, content } = await client.calendar.exportIcs.query({ timeZone: localTimeZone() });
      downloadText(filename, content, 'text/calendar;charset=utf-8');
      notifySuccess(t('calendar.exported', { filename }));
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="md">
          <Title order={2}>{t('myDay.calendar')}</Title>
          <TasksTabs />
        </Group>
        <Group gap="sm">
          {may('assign') && (
            <Select
              aria-label={t('task.assignee')}
              data={colleagues}
              value={assigneeId}
              onChange={(id) => id && setAssigneeId(id)}
              allowDeselect={false}
              searchable
              w={180}
              data-testid="calendar-assignee"
            />
          )}
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportIcs()} data-testid="export-ics">
            {t('calendar.export')}
          </Button>
        </Group>
      </Group>
      <Card withBorder padding="md" className={classes.calendar} data-testid="calendar">
        <FullCalendar
          plugins={PLUGINS}
          initialView="timeGridWeek"
          headerToolbar={TOOLBAR}
          // Arrows as text: the icon font FullCalendar embeds is a data: URL, which the app's CSP refuses.
          buttonIcons={false}
          // Capitalized like the rest of the app ("Today", "Month"), not FullCalendar's lower-case English.
          buttonText={{ ...ARROWS, today: t('calendar.today'), month: t('calendar.month'), week: t('calendar.week'), day: t('calendar.day') }}
          allDayText={t('myDay.allDay')}
          // Times with am/pm in English ("3:00 pm", not an ambiguous "3:00"); 24-hour in Chinese.
          eventTimeFormat={EVENT_TIME}
          locales={LOCALES}
          locale={i18n.language === 'zh-CN' ? 'zh-cn' : 'en'}
          height="auto"
          nowIndicator
          scrollTime="08:00:00"
          {...hours}
          events={events}
          datesSet={(arg: DatesSetArg) => setRange(rangeOf(arg))}
          selectable
          selectMirror
          select={(arg) => {
            arg.view.calendar.unselect();
            // A selected stretch of time is a meeting; a click on a day or a slot is a task.
            const span = arg.end.getTime() - arg.start.getTime();
            const meeting = !arg.allDay && span > 30 * 60_000;
            setEditing({ defaults: { start: arg.start, end: meeting || (arg.allDay && span > 86_400_000) ? arg.end : null, allDay: arg.allDay, kind: meeting ? 'meeting' : 'task' } });
          }}
          editable
          eventDrop={move}
          eventResize={move}
          eventClick={(arg) => setEditing({ task: taskOfEvent(arg.event) })}
        />
      </Card>
      <TaskFormModal editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
