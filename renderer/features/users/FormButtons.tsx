import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and the submit button at the foot of this area's modal forms. */
export function FormButtons({ busy, onCancel, label, testId }: { busy: boolean; onCancel: () => void; label?: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} data-testid={testId}>
        {label ?? t('common.save')}
      </Button>
    </Group>
  );
}
