import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { optionsOf } from '../../shared/options';
import type { Form } from '../../shared/useForm';
import { GENDERS } from './customer-values';
import type { ContactFormValues } from './form-values';

interface ContactFieldsProps {
  form: Form<ContactFormValues>;
  /** Birthday, gender and the primary flag: for a contact of its own, not a new customer's first contact. */
  full?: boolean;
}

/** A contact's fields, shared by the new-customer form and the contact dialog. */
export function ContactFields({ form, full = false }: ContactFieldsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('contact.name')} required={full} autoComplete="off" {...form.text('name')} />
      <TextInput label={t('contact.title')} {...form.text('title')} />
      <TextInput label={t('contact.mobile')} placeholder="138 0013 8000" inputMode="tel" {...form.text('mobile')} />
      <TextInput label={t('contact.landline')} placeholder="010-6234 5678" inputMode="tel" {...form.text('landline')} />
      <TextInput label={t('contact.email')} type="email" {...form.text('email')} />
      <TextInput label={t('contact.wechatId')} {...form.text('wechatId')} />
      {full && (
        <>
          <DateInput
            label={t('contact.birthday')}
            name={form.nameOf('birthday')}
            valueFormat="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            clearable
            value={form.values.birthday}
            onChange={(birthday) => form.set('birthday', birthday)}
            error={form.error('birthday')}
          />
          <Select
            label={t('contact.gender')}
            name={form.nameOf('gender')}
            data={optionsOf(GENDERS, t('gender', { returnObjects: true }))}
            clearable
            value={form.values.gender}
            onChange={(gender) => form.set('gender', gender as ContactFormValues['gender'])}
            error={form.error('gender')}
          />
          <Checkbox
            label={t('contact.isPrimary')}
            name={form.nameOf('isPrimary')}
            checked={form.values.isPrimary}
            onChange={(event) => form.set('isPrimary', event.currentTarget.checked)}
            error={form.error('isPrimary')}
          />
        </>
      )}
    </SimpleGrid>
  );
}
