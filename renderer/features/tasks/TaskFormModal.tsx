import { Input, Modal, SegmentedControl, Select, SimpleGrid, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import type { Task } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { labelOf, optionsOf } from '../../shared/options';
import { useForm } from '../../shared/useForm';
import { useFormat } from '../../shared/useFormat';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { CustomerName } from '../customers/CustomerName';
import { useOwnerOptions } from '../customers/useOwnerOptions';
import { ModalEditForm } from '../live/ModalEditForm';
import { SHOWS_CONFLICT, useVersionedEdit } from '../live/useVersionedEdit';
import { CustomerPicker } from './CustomerPicker';
import { ReminderSelect, useReminderLabel } from './ReminderSelect';
import {
  hasEnd,
  TASK_FIELD_LABELS,
  newTaskValues,
  TASK_KINDS,
  TASK_PRIORITIES,
  taskInputOf,
  taskValuesOf,
  withAllDay,
  type NewTaskDefaults,
  type TaskFormValues,
} from './task-values';
import { useInvalidateTasks } from './useInvalidateTasks';

/**
 * What the dialog edits: a task, or a new one with some fields chosen (a calendar slot, a customer, or
 * another record to link, named by `linkName`).
 */
export type TaskEditing =
  | { task: Task }
  | { defaults: Omit<NewTaskDefaults, 'assigneeId'>; customerName?: string; link?: NonNullable<Task['link']>; linkName?: string }
  | null;

export function TaskFormModal({ editing, onClose }: { editing: TaskEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const task = editing && 'task' in editing ? editing.task : null;
  return (
    <Modal opened={editing !== null} onClose={onClose} title={t(task ? 'task.edit' : 'task.new')} size="lg">
      {editing !== null && <TaskForm key={task?.id ?? 'new'} editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function TaskForm({ editing, onDone }: { editing: NonNullable<TaskEditing>; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const assignees = useOwnerOptions();
  const reminderLabel = useReminderLabel();
  const format = useFormat();
  const invalidateTasks = useInvalidateTasks();
  const task = 'task' in editing ? editing.task : null;
  const form = useForm<TaskFormValues>(
    task ? taskValuesOf(task) : newTaskValues({ assigneeId: user.id, ...('defaults' in editing ? editing.defaults : {}) }),
  );
  const handlers = {
    meta: SHOWS_CONFLICT,
    onSuccess: (saved: Task) => {
      void invalidateTasks();
      notifySuccess(t('task.saved', { title: saved.title }));
      onDone();
    },
    onError: (error: unknown) => {
      // The API's link and reminder time show on the customer picker and the reminder choice.
      const { link, remindAt, ...errors } = fieldErrorsOf(error);
      form.setErrors({ ...errors, ...(link && { customerId: link }), ...(remindAt && { reminder: remindAt }) });
    },
  };
  const create = useMutation(trpc.tasks.create.mutationOptions(handlers));
  const update = useMutation(trpc.tasks.update.mutationOptions(handlers));
  const { base, conflict } = useVersionedEdit({ record: task, form, valuesOf: taskValuesOf, update, onLatest: () => void invalidateTasks() });
  const { values, set, error, nameOf } = form;
  const customerLabel = base?.customerName ?? ('customerName' in editing ? (editing.customerName ?? null) : null);
  // A link other than a customer (a lead, a deal) is kept as it is; the form picks customers only.
  const link = base ? base.link : 'defaults' in editing ? (editing.link ?? null) : null;
  const linkName = base?.link?.type === 'lead' ? base.leadName : 'linkName' in editing ? editing.linkName : undefined;

  const save = () => {
    const input = taskInputOf(values, link);
    if (base) update.mutate({ ...input, id: base.id, version: base.version });
    else create.mutate(input);
  };
  const DatePicker = values.allDay ? DateInput : DateTimePicker;
  const dateFormat = values.allDay ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm';

  return (
    <ModalEditForm
      onSubmit={save}
      onCancel={onDone}
      saving={create.isPending || update.isPending}
      saveTestId="save-task"
      conflict={conflict}
      subject="task"
      labels={TASK_FIELD_LABELS}
      formats={{
        kind: (kind) => t(`task.kinds.${kind}`),
        dueAt: format.pickerValue,
        endsAt: format.pickerValue,
        assigneeId: (id) => labelOf(assignees, id),
        priority: (priority) => t(`task.priorities.${priority}`),
        reminder: (minutes) => (minutes === 'none' ? t('task.reminders.none') : reminderLabel(Number(minutes))),
        customerId: (id) => <CustomerName id={id} />,
      }}
    >
      <TextInput label={t('task.title')} required data-autofocus {...form.text('title')} />
      <Input.Wrapper label={t('task.kind')} labelElement="div">
        <SegmentedControl
          display="flex"
          aria-label={t('task.kind')}
          name={nameOf('kind')}
          data={optionsOf(TASK_KINDS, t('task.kinds', { returnObjects: true }))}
          value={values.kind}
          onChange={(kind) => set('kind', kind as TaskFormValues['kind'])}
          data-testid="task-kind"
        />
      </Input.Wrapper>
      <Switch
        label={t('task.allDay')}
        checked={values.allDay}
        onChange={(event) => form.reset(withAllDay(values, event.currentTarget.checked))}
        data-testid="task-all-day"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DatePicker
          label={t(values.allDay ? 'task.date' : hasEnd(values.kind) ? 'task.startsAt' : 'task.dueAt')}
          required
          name={nameOf('dueAt')}
          valueFormat={dateFormat}
          value={values.dueAt}
          onChange={(value) => set('dueAt', value)}
          error={error('dueAt')}
          data-testid="task-due"
        />
        {hasEnd(values.kind) && (
          <DatePicker
            label={t(values.allDay ? 'task.endDate' : 'task.endsAt')}
            name={nameOf('endsAt')}
            valueFormat={dateFormat}
            clearable
            value={values.endsAt}
            onChange={(value) => set('endsAt', value)}
            error={error('endsAt')}
            data-testid="task-ends"
          />
        )}
        <Select
          label={t('task.assignee')}
          name={nameOf('assigneeId')}
          data={assignees}
          searchable
          allowDeselect={false}
          value={values.assigneeId}
          onChange={(assigneeId) => set('assigneeId', assigneeId)}
          error={error('assigneeId')}
          data-testid="task-assignee"
        />
        <Select
          label={t('task.priority')}
          name={nameOf('priority')}
          data={optionsOf(TASK_PRIORITIES, t('task.priorities', { returnObjects: true }))}
          allowDeselect={false}
          value={values.priority}
          onChange={(priority) => priority && set('priority', priority as TaskFormValues['priority'])}
          error={error('priority')}
          data-testid="task-priority"
        />
        <ReminderSelect
          name={nameOf('reminder')}
          value={values.reminder}
          onChange={(reminder) => set('reminder', reminder)}
          error={error('reminder')}
        />
        <CustomerPicker
          name={nameOf('customerId')}
          value={values.customerId}
          initialLabel={customerLabel}
          onChange={(customerId) => set('customerId', customerId)}
          error={error('customerId')}
        />
      </SimpleGrid>
      {link && link.type !== 'customer' && (
        <Text size="sm" c="dimmed" data-testid="task-linked">
          {linkName
            ? t('task.linkedNamed', { type: t(`task.linkTypes.${link.type}`), name: linkName })
            : t('task.linkedOther', { type: t(`task.linkTypes.${link.type}`), id: link.id })}
        </Text>
      )}
      <Textarea label={t('task.notes')} autosize minRows={2} maxRows={8} {...form.text('notes')} />
    </ModalEditForm>
  );
}
