import {
  Alert,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, DateTimePicker, TimeInput } from '@mantine/dates';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/app-error';
import type { Task } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { useOwnerOptions } from '../customers/useOwnerOptions';
import { ModalEditForm } from '../live/ModalEditForm';
import { SHOWS_CONFLICT, useVersionedEdit } from '../live/useVersionedEdit';
import { notifySuccess } from '../../shared/notify';
import { labelOf } from '../../shared/options';
import { useFormat } from '../../shared/useFormat';
import { useForm } from '../../shared/useForm';
import { useInvalidateTasks } from '../tasks/useInvalidateTasks';
import { CustomerPicker } from './CustomerPicker';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS, INTERACTION_TYPES, TYPE_ICONS } from './interaction-values';
import type { LeadSubject } from './quick-log-store';
import {
  followUpOf,
  interactionFieldsOf,
  newQuickLogValues,
  QUICK_LOG_FIELD_LABELS,
  quickLogValuesOf,
  type QuickLogValues,
} from './quick-log-values';
import { timelineFieldMessage } from './timeline-field-message';
import type { Interaction, InteractionType } from './types';
import { useInvalidateTimeline } from './useInvalidateTimeline';

interface QuickLogFormProps {
  customerId: number | undefined;
  /** Logging for a lead (its page): no customer to pick, no contacts. */
  lead: LeadSubject | undefined;
  editing: Interaction | undefined;
  onDone: () => void;
}

/** The API names the follow-up task's fields under followUp; the form has them as its own fields. */
const FOLLOW_UP_FIELDS: Record<string, keyof QuickLogValues> = {
  'followUp.time': 'followUpTime',
  'followUp.assigneeId': 'followUpAssigneeId',
  followUp: 'nextFollowUpOn',
};
const formErrorsOf = (error: unknown) =>
  Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([field, message]) => [FOLLOW_UP_FIELDS[field] ?? field, message]));

export function QuickLogForm({ customerId, lead, editing, onDone }: QuickLogFormProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const colleagues = useOwnerOptions();
  const format = useFormat();
  const invalidateTimeline = useInvalidateTimeline();
  const invalidateTasks = useInvalidateTasks();
  const form = useForm(editing ? quickLogValuesOf(editing) : newQuickLogValues({ customerId, leadId: lead?.id }, user.id));
  const { values, set } = form;
  const customer = useQuery({
    ...trpc.customers.get.queryOptions({ id: Number(values.customerId) }),
    enabled: values.customerId !== null,
  });
  const subjectName = lead?.name ?? customer.data?.name ?? '';

  /** The task a follow-up made, in the words the user reads: title, when, for whom. */
  const taskSummary = (task: Task) =>
    t('timeline.followUpCreated', {
      title: task.title,
      when: task.allDay ? format.calendarDate(values.nextFollowUpOn) : format.instant(task.dueAt),
      assignee: task.assigneeName ?? '',
    });
  const log = useMutation(
    trpc.interactions.log.mutationOptions({
      onSuccess: (logged) => {
        void invalidateTimeline();
        const message = t('timeline.logged', { name: subjectName });
        if (logged.followUpTask) {
          void invalidateTasks();
          notifySuccess(`${message} · ${taskSummary(logged.followUpTask)}`);
        } else {
          notifySuccess(message);
        }
        onDone();
      },
      onError: (error) => form.setErrors(formErrorsOf(error)),
    }),
  );
  const update = useMutation(
    trpc.interactions.update.mutationOptions({
      meta: SHOWS_CONFLICT,
      onSuccess: () => {
        void invalidateTimeline();
        notifySuccess(t('timeline.saved'));
        onDone();
      },
      onError: (error) => form.setErrors(formErrorsOf(error)),
    }),
  );
  const saving = log.isPending || update.isPending;
  const { base, conflict } = useVersionedEdit({ record: editing, form, valuesOf: quickLogValuesOf, update });
  const contactOptions = (customer.data?.contacts ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  // form.error says whether a field still shows an error (editing clears it); the message comes from the
  // API's key, which may be one of this area's (the only local check is the required customer).
  const apiErrors = formErrorsOf(log.error ?? update.error);
  const error = (key: keyof QuickLogValues & string) =>
    form.error(key) && timelineFieldMessage(t, apiErrors[key] ?? 'required');
  // A refusal about the lead itself (converted meanwhile, or gone) has no field of its own here.
  const leadError = apiErrors.leadId;

  const setType = (type: InteractionType) => {
    set('type', type);
    const channels: readonly string[] = INTERACTION_CHANNELS[type];
    if (values.channel !== null && !channels.includes(values.channel)) set('channel', null);
    if (type === 'note') set('direction', null);
    else if (values.direction === null) set('direction', 'outbound');
  };

  const save = () => {
    if (values.customerId === null && values.leadId === null) {
      form.setErrors({ customerId: 'required' });
      return;
    }
    const fields = interactionFieldsOf(values);
    if (base) update.mutate({ ...fields, id: base.id, version: base.version });
    else {
      const followUp = followUpOf(values, t('timeline.followUpTitle', { name: subjectName }));
      log.mutate({ ...fields, customerId: values.customerId === null ? null : Number(values.customerId), followUp });
    }
  };

  const channels = INTERACTION_CHANNELS[values.type];
  return (
    <ModalEditForm
      onSubmit={save}
      onCancel={onDone}
      saving={saving}
      saveTestId="save-interaction"
      conflict={conflict}
      subject="interaction"
      labels={QUICK_LOG_FIELD_LABELS}
      formats={{
        type: (type) => t(`timeline.type.${type}`),
        channel: (channel) => t(`timeline.channel.${channel}` as 'timeline.channel.phone'),
        direction: (direction) => t(`timeline.direction.${direction}`),
        occurredAt: format.pickerValue,
        staffIds: (ids) => ids.map((id) => labelOf(colleagues, id)).join('、'),
        contactIds: (ids) => ids.map((id) => labelOf(contactOptions, id)).join('、'),
        nextFollowUpOn: format.calendarDate,
      }}
    >
      {lead && <TextInput label={t('timeline.field.lead')} value={lead.name} readOnly variant="filled" data-testid="quick-log-lead" />}
      {!editing && !lead && (
        <CustomerPicker
          value={values.customerId}
          onChange={(id) => {
            set('customerId', id);
            set('contactIds', []);
          }}
          error={error('customerId')}
        />
      )}
      <Input.Wrapper label={t('timeline.field.type')} labelElement="div">
        <SegmentedControl
          fullWidth
          aria-label={t('timeline.field.type')}
          value={values.type}
          onChange={(type) => setType(type as InteractionType)}
          data-testid="quick-log-type"
          data={INTERACTION_TYPES.map((type) => {
            const Icon = TYPE_ICONS[type];
            return {
              value: type,
              label: (
                <Group gap={4} wrap="nowrap" justify="center">
                  <Icon size={14} />
                  {t(`timeline.type.${type}`)}
                </Group>
              ),
            };
          })}
        />
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateTimePicker
          label={t('timeline.field.occurredAt')}
          required
          valueFormat="YYYY-MM-DD HH:mm"
          value={values.occurredAt}
          onChange={(occurredAt) => occurredAt && set('occurredAt', occurredAt)}
          maxDate={new Date()}
          error={error('occurredAt')}
          data-testid="quick-log-occurred-at"
        />
        {channels.length > 0 && (
          <Select
            label={t('timeline.field.channel')}
            clearable
            data={channels.map((channel) => ({ value: channel, label: t(`timeline.channel.${channel}`) }))}
            value={values.channel}
            onChange={(channel) => set('channel', channel)}
            error={error('channel')}
            data-testid="quick-log-channel"
          />
        )}
        {values.type !== 'note' && (
          <Input.Wrapper label={t('timeline.field.direction')} labelElement="div">
            <SegmentedControl
              fullWidth
              aria-label={t('timeline.field.direction')}
              value={values.direction ?? 'outbound'}
              onChange={(direction) => set('direction', direction as QuickLogValues['direction'])}
              data={INTERACTION_DIRECTIONS.map((d) => ({ value: d, label: t(`timeline.direction.${d}`) }))}
            />
          </Input.Wrapper>
        )}
        {values.type !== 'note' && (
          <NumberInput
            label={t('timeline.field.durationMinutes')}
            min={0}
            max={1440}
            allowDecimal={false}
            value={values.durationMinutes}
            onChange={(minutes) => set('durationMinutes', minutes)}
            error={error('durationMinutes')}
            name="durationMinutes"
          />
        )}
        {values.customerId !== null && (
          <MultiSelect
            label={t('timeline.field.contacts')}
            data={contactOptions}
            value={values.contactIds}
            onChange={(ids) => set('contactIds', ids)}
            error={error('contactIds')}
            data-testid="quick-log-contacts"
          />
        )}
        <MultiSelect
          label={t('timeline.field.staff')}
          data={colleagues}
          searchable
          value={values.staffIds}
          onChange={(ids) => set('staffIds', ids)}
          error={error('staffIds')}
        />
      </SimpleGrid>
      <Textarea
        label={t('timeline.field.content')}
        required={values.type === 'note'}
        autosize
        minRows={3}
        maxRows={10}
        data-autofocus
        {...form.text('content')}
        error={error('content')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('timeline.field.outcome')} {...form.text('outcome')} error={error('outcome')} />
        <TextInput label={t('timeline.field.nextStep')} {...form.text('nextStep')} error={error('nextStep')} />
      </SimpleGrid>
      {/* A new log's follow-up becomes a task: on that day, at a time (none: all day), for someone. */}
      <Stack gap={4}>
        <SimpleGrid cols={{ base: 1, sm: editing ? 2 : 3 }}>
          <DateInput
            label={t('timeline.field.nextFollowUpOn')}
            valueFormat="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            clearable
            minDate={new Date()}
            value={values.nextFollowUpOn}
            onChange={(day) => set('nextFollowUpOn', day)}
            error={error('nextFollowUpOn')}
            data-testid="quick-log-follow-up-on"
          />
          {!editing && (
            <TimeInput
              label={t('timeline.field.followUpTime')}
              disabled={values.nextFollowUpOn === null}
              value={values.followUpTime}
              onChange={(event) => set('followUpTime', event.currentTarget.value)}
              error={error('followUpTime')}
              data-testid="quick-log-follow-up-time"
            />
          )}
          {!editing && (
            <Select
              label={t('timeline.field.followUpAssignee')}
              disabled={values.nextFollowUpOn === null}
              data={colleagues}
              searchable
              allowDeselect={false}
              value={values.followUpAssigneeId}
              onChange={(id) => set('followUpAssigneeId', id)}
              error={error('followUpAssigneeId')}
              data-testid="quick-log-follow-up-assignee"
            />
          )}
        </SimpleGrid>
        {/* Editing changes the date only (a lead's is its own); a new log also makes the task. */}
        {!(editing && values.customerId === null) && (
          <Text size="xs" c="dimmed">
            {t(editing ? 'timeline.field.nextFollowUpHint' : values.customerId === null ? 'timeline.field.followUpTaskHint' : 'timeline.field.followUpBothHint')}
          </Text>
        )}
      </Stack>
      {leadError && (
        <Alert color="red" data-testid="quick-log-lead-error">
          {timelineFieldMessage(t, leadError)}
        </Alert>
      )}
    </ModalEditForm>
  );
}
