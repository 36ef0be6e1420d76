import { Button, Group, Kbd, Text } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { globalSearch, MOD_KEY_LABEL } from './global-search-store';

export function SearchButton() {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      w={320}
      visibleFrom="md"
      justify="space-between"
      leftSection={<IconSearch size={16} />}
      rightSection={
        <Group gap={2} wrap="nowrap">
          <Kbd size="xs">{MOD_KEY_LABEL}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      }
      onClick={globalSearch.open}
      data-testid="global-search-button"
    >
      <Text c="dimmed" size="sm">
        {t('search.button')}
      </Text>
    </Button>
  );
}
