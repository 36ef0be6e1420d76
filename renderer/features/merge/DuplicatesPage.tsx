import { Button, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { notifyError, notifySuccess } from '../../shared/notify';
import { DuplicatePairCard } from './DuplicatePairCard';
import { useDuplicatePairs } from './useDuplicatePairs';

function NoDuplicates() {
  const { t } = useTranslation();
  return (
    <Center h={260} data-testid="duplicates-empty">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="green">
          <IconChecks size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          {t('duplicatePairs.none')}
        </Text>
        <Text c="dimmed" size="sm">
          {t('duplicatePairs.noneHint')}
        </Text>
      </Stack>
    </Center>
  );
}

/** The duplicate finder: likely pairs, each with why it matched; compare to merge, or dismiss. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pairs = useDuplicatePairs();
  const dismiss = useMutation(
    trpc.duplicates.dismiss.mutationOptions({
      onSuccess: (_, { customerIds: [a, b] }) => {
        const names = pairs.data?.pages.flatMap((p) => p.items).find((p) => p.a.id === a && p.b.id === b);
        if (names) notifySuccess(t('duplicatePairs.dismissed', { a: names.a.name, b: names.b.name }));
        return queryClient.invalidateQueries(trpc.duplicates.pairs.pathFilter());
      },
      onError: notifyError,
    }),
  );
  const items = pairs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack maw={1100} gap="md">
      <Group gap="sm">
        <Title order={2}>{t('duplicatePairs.title')}</Title>
        {pairs.isFetching && <Loader size="xs" />}
      </Group>
      <Text c="dimmed" size="sm">
        {t('duplicatePairs.intro')}
      </Text>
      {pairs.isPending ? (
        <Center h={200}>
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <NoDuplicates />
      ) : (
        <Stack gap="sm" data-testid="duplicate-pairs">
          {items.map((pair) => (
            <DuplicatePairCard
              key={`${pair.a.id}:${pair.b.id}`}
              pair={pair}
              dismissing={dismiss.isPending && dismiss.variables.customerIds[0] === pair.a.id && dismiss.variables.customerIds[1] === pair.b.id}
              onDismiss={() => dismiss.mutate({ customerIds: [pair.a.id, pair.b.id] })}
            />
          ))}
          {pairs.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void pairs.fetchNextPage()}
              loading={pairs.isFetchingNextPage}
              data-testid="load-more-pairs"
            >
              {t('duplicatePairs.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
