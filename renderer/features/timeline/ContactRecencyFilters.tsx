import { NumberInput, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_WINDOWS, type ContactRecencyParams } from './contact-recency-params';

/** The filters' widths (CustomerFiltersPlaceholder takes the same room). */
export const RECENCY_FILTER_WIDTHS = { lastContacted: 240, notContactedDays: 150, followUp: 140 } as const;

interface ContactRecencyFiltersProps {
  params: ContactRecencyParams;
  update: (patch: Partial<ContactRecencyParams>) => void;
}

/** Customer list filters on when a customer was last contacted and when the next follow-up is due. */
export function ContactRecencyFilters({ params, update }: ContactRecencyFiltersProps) {
  const { t } = useTranslation();
  return (
    <>
      <DatePickerInput
        type="range"
        w={RECENCY_FILTER_WIDTHS.lastContacted}
        label={t('timeline.list.lastContactedBetween')}
        placeholder={t('list.anyDate')}
        value={[params.lastContactedFrom || null, params.lastContactedTo || null]}
        onChange={([from, to]) => update({ lastContactedFrom: from ?? '', lastContactedTo: to ?? '' })}
        clearable
        allowSingleDateInRange
        data-testid="filter-last-contacted"
      />
      <NumberInput
        w={RECENCY_FILTER_WIDTHS.notContactedDays}
        label={t('timeline.list.notContactedFor')}
        rightSection={t('timeline.list.days')}
        rightSectionWidth={40}
        min={1}
        max={9999}
        allowDecimal={false}
        allowNegative={false}
        value={params.notContactedDays}
        onChange={(days) => update({ notContactedDays: days === '' ? '' : String(days) })}
        data-testid="filter-not-contacted-days"
      />
      <Select
        w={RECENCY_FILTER_WIDTHS.followUp}
        label={t('timeline.list.followUp')}
        placeholder={t('timeline.list.anyFollowUp')}
        data={FOLLOW_UP_WINDOWS.map((w) => ({ value: w, label: t(`timeline.list.${w}`) }))}
        value={params.followUp || null}
        onChange={(followUp) => update({ followUp: (followUp ?? '') as ContactRecencyParams['followUp'] })}
        clearable
        data-testid="filter-follow-up"
      />
    </>
  );
}
