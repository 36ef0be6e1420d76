import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REMINDER_CHOICES } from './task-values';

/** "15 minutes before", "1 day before": the biggest whole unit. */
export function useReminderLabel() {
  const { t } = useTranslation();
  return (minutes: number) => {
    if (minutes === 0) return t('task.reminders.atTime');
    if (minutes % 1440 === 0) return t('task.reminders.daysBefore', { count: minutes / 1440 });
    if (minutes % 60 === 0) return t('task.reminders.hoursBefore', { count: minutes / 60 });
    return t('task.reminders.minutesBefore', { count: minutes });
  };
}

export function ReminderSelect({ value, onChange, error, name }: { value: string; onChange: (v: string) => void; error?: string | undefined; name: string }) {
  const { t } = useTranslation();
  const label = useReminderLabel();
  const minutes: number[] = [...REMINDER_CHOICES];
  // A reminder saved at another lead time (e.g. moved with its task) stays choosable.
  if (value !== 'none' && !minutes.includes(Number(value))) minutes.push(Number(value));
  const data = [{ value: 'none', label: t('task.reminders.none') }, ...minutes.map((m) => ({ value: String(m), label: label(m) }))];
  return (
    <Select
      label={t('task.reminder')}
      name={name}
      data={data}
      allowDeselect={false}
      value={value}
      onChange={(v) => v && onChange(v)}
      error={error}
      data-testid="task-reminder"
    />
  );
}
