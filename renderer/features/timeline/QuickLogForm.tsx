import {
  Button,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDataOf, fieldErrorsOf } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { ConflictAlert } from '../customers/ConflictAlert';
import { useOwnerOptions } from '../customers/useOwnerOptions';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import { CustomerPicker } from './CustomerPicker';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS, INTERACTION_TYPES, TYPE_ICONS } from './interaction-values';
import { interactionFieldsOf, newQuickLogValues, quickLogValuesOf, type QuickLogValues } from './quick-log-values';
import { timelineFieldMessage } from './timeline-field-message';
import type { Interaction, InteractionType } from './types';
import { useInvalidateTimeline } from './useInvalidateTimeline';

interface QuickLogFormProps {
  customerId: number | undefined;
  editing: Interaction | undefined;
  onDone: () => void;
}

export function QuickLogForm({ customerId, editing, onDone }: QuickLogFormProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const colleagues = useOwnerOptions();
  const invalidateTimeline = useInvalidateTimeline();
  // The version this edit started from; a conflict's reload moves it on.
  const [base, setBase] = useState(editing);
  const form = useForm(editing ? quickLogValuesOf(editing) : newQuickLogValues(customerId, user.id));
  const { values, set } = form;
  const customer = useQuery({
    ...trpc.customers.get.queryOptions({ id: Number(values.customerId) }),
    enabled: values.customerId !== null,
  });

  const mutationHandlers = {
    onSuccess: () => {
      void invalidateTimeline();
      notifySuccess(base ? t('timeline.saved') : t('timeline.logged', { name: customer.data?.name ?? '' }));
      onDone();
    },
    onError: (error: unknown) => form.setErrors(fieldErrorsOf(error)),
  };
  const log = useMutation(trpc.interactions.log.mutationOptions(mutationHandlers));
  const update = useMutation(trpc.interactions.update.mutationOptions(mutationHandlers));
  const saving = log.isPending || update.isPending;
  const current = errorDataOf<Interaction>(update.error, 'conflict');
  // form.error says whether a field still shows an error (editing clears it); the message comes from the
  // API's key, which may be one of this area's (the only local check is the required customer).
  const apiErrors = fieldErrorsOf(log.error ?? update.error);
  const error = (key: keyof QuickLogValues & string) =>
    form.error(key) && timelineFieldMessage(t, apiErrors[key] ?? 'required');

  const setType = (type: InteractionType) => {
    set('type', type);
    const channels: readonly string[] = INTERACTION_CHANNELS[type];
    if (values.channel !== null && !channels.includes(values.channel)) set('channel', null);
    if (type === 'note') set('direction', null);
    else if (values.direction === null) set('direction', 'outbound');
  };

  const save = () => {
    if (values.customerId === null) {
      form.setErrors({ customerId: 'required' });
      return;
    }
    const fields = interactionFieldsOf(values);
    if (base) update.mutate({ ...fields, id: base.id, version: base.version });
    else log.mutate({ ...fields, customerId: Number(values.customerId) });
  };
  const reload = (latest: Interaction) => {
    setBase(latest);
    form.reset(quickLogValuesOf(latest));
    update.reset();
  };

  const channels = INTERACTION_CHANNELS[values.type];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack>
        {!editing && (
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
          <MultiSelect
            label={t('timeline.field.contacts')}
            data={(customer.data?.contacts ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={values.contactIds}
            onChange={(ids) => set('contactIds', ids)}
            error={error('contactIds')}
            data-testid="quick-log-contacts"
          />
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
          <DateInput
            label={t('timeline.field.nextFollowUpOn')}
            description={t('timeline.field.nextFollowUpHint')}
            valueFormat="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            clearable
            minDate={new Date()}
            value={values.nextFollowUpOn}
            onChange={(day) => set('nextFollowUpOn', day)}
            error={error('nextFollowUpOn')}
          />
        </SimpleGrid>
        {current && <ConflictAlert message={t('timeline.conflict')} onReload={() => reload(current)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-interaction">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
