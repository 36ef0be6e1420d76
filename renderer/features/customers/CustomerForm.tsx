import {
  Button,
  Card,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { optionsOf } from '../../shared/options';
import type { Form } from '../../shared/useForm';
import { ContactFields } from './ContactFields';
import { CUSTOMER_KINDS, CUSTOMER_SOURCES, CUSTOMER_STAGES, CUSTOMER_TIERS, TAG_SEPARATORS } from './customer-values';
import type { ContactFormValues, CustomerFormValues } from './form-values';
import { useOwnerOptions } from './useOwnerOptions';
import { useTagSuggestions } from './useTagSuggestions';

const TAG_SPLIT_CHARS = [...TAG_SEPARATORS];

interface CustomerFormProps {
  title: string;
  form: Form<CustomerFormValues>;
  /** A new customer's optional first contact. */
  primaryContact?: Form<ContactFormValues>;
  /** Warnings shown above the buttons (duplicates, conflicts). */
  alerts: ReactNode;
  saving: boolean;
  onSubmit: () => void;
  cancelTo: string;
}

export function CustomerForm({ title, form, primaryContact, alerts, saving, onSubmit, cancelTo }: CustomerFormProps) {
  const { t } = useTranslation();
  const owners = useOwnerOptions();
  const tagSuggestions = useTagSuggestions();
  const { values, set, error, nameOf } = form;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack maw={860} gap="md">
        <Title order={2}>{title}</Title>
        <Card withBorder padding="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('customer.name')} required autoFocus {...form.text('name')} />
              <Input.Wrapper label={t('customer.kind')} labelElement="div">
                <SegmentedControl
                  display="flex"
                  aria-label={t('customer.kind')}
                  name={nameOf('kind')}
                  data={optionsOf(CUSTOMER_KINDS, t('kind', { returnObjects: true }))}
                  value={values.kind}
                  onChange={(kind) => set('kind', kind as CustomerFormValues['kind'])}
                  data-testid="kind"
                />
              </Input.Wrapper>
              <Select
                label={t('customer.stage')}
                required
                name={nameOf('stage')}
                data={optionsOf(CUSTOMER_STAGES, t('stage', { returnObjects: true }))}
                allowDeselect={false}
                value={values.stage}
                onChange={(stage) => stage && set('stage', stage as CustomerFormValues['stage'])}
                error={error('stage')}
              />
              <Select
                label={t('customer.tier')}
                name={nameOf('tier')}
                data={CUSTOMER_TIERS}
                clearable
                value={values.tier}
                onChange={(tier) => set('tier', tier as CustomerFormValues['tier'])}
                error={error('tier')}
              />
              <Select
                label={t('customer.source')}
                name={nameOf('source')}
                data={optionsOf(CUSTOMER_SOURCES, t('source', { returnObjects: true }))}
                clearable
                value={values.source}
                onChange={(source) => set('source', source as CustomerFormValues['source'])}
                error={error('source')}
              />
              <Select
                label={t('customer.owner')}
                name={nameOf('ownerId')}
                data={owners}
                searchable
                clearable
                value={values.ownerId}
                onChange={(ownerId) => set('ownerId', ownerId)}
                error={error('ownerId')}
              />
              <TextInput label={t('customer.industry')} {...form.text('industry')} />
              <DateInput
                label={t('customer.nextFollowUpOn')}
                name={nameOf('nextFollowUpOn')}
                valueFormat="YYYY-MM-DD"
                placeholder="YYYY-MM-DD"
                clearable
                value={values.nextFollowUpOn}
                onChange={(date) => set('nextFollowUpOn', date)}
                error={error('nextFollowUpOn')}
              />
              <TextInput label={t('customer.province')} {...form.text('province')} />
              <TextInput label={t('customer.city')} {...form.text('city')} />
            </SimpleGrid>
            <TextInput label={t('customer.address')} {...form.text('address')} />
            <TagsInput
              label={t('customer.tags')}
              description={t('form.tagsHint')}
              name={nameOf('tags')}
              data={tagSuggestions.tags}
              onFocus={tagSuggestions.onFocus}
              value={values.tags}
              onChange={(tags) => set('tags', tags)}
              splitChars={TAG_SPLIT_CHARS}
              error={error('tags')}
              clearable
            />
            <Textarea label={t('customer.notes')} autosize minRows={3} maxRows={10} {...form.text('notes')} />
          </Stack>
        </Card>
        {primaryContact && (
          <Card withBorder padding="lg">
            <Stack>
              <div>
                <Title order={3} size="h4">
                  {t('form.primaryContact')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('form.primaryContactHint')}
                </Text>
              </div>
              <ContactFields form={primaryContact} />
            </Stack>
          </Card>
        )}
        {alerts}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={cancelTo}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-customer">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
