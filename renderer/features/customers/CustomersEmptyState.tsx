import { Button, Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAddressBook, IconPlus, IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** No customers at all (a first start), or none matching the search and filters. */
export function CustomersEmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  const Icon = filtered ? IconSearchOff : IconAddressBook;
  return (
    <Center flex={1} data-testid="customers-empty">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          <Icon size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          {filtered ? t('list.noMatches') : t('list.noCustomers')}
        </Text>
        <Text c="dimmed" size="sm">
          {filtered ? t('list.noMatchesHint') : t('list.noCustomersHint')}
        </Text>
        {filtered ? (
          <Button variant="default" onClick={onClear}>
            {t('list.clearFilters')}
          </Button>
        ) : (
          <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
            {t('customer.new')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
