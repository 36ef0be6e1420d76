import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowsJoin } from '@tabler/icons-react';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasErrorCode } from '../../api/app-error';
import type { CustomerDetail } from '../../api/types';
import { useTRPC } from '../../api/trpc';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { errorMessage, notifyError, notifySuccess } from '../../shared/notify';
import { ConflictAlert } from '../customers/ConflictAlert';
import { defaultPicks, otherSide, toChoices, type Picks, type Side } from './merge-choices';
import { MergeComparison } from './MergeComparison';

function MergeForm({ records, onReload }: { records: Record<Side, CustomerDetail>; onReload: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [survivor, setSurvivor] = useState<Side>('a');
  const [picks, setPicks] = useState<Picks>(() => defaultPicks(records, 'a'));
  const [confirming, setConfirming] = useState(false);
  const kept = records[survivor];
  const merged = records[otherSide(survivor)];
  const merge = useMutation(
    trpc.duplicates.merge.mutationOptions({
      onSuccess: async (result) => {
        notifySuccess(t('merge.done', { merged: merged.name, survivor: result.name }));
        await Promise.all([
          queryClient.invalidateQueries(trpc.customers.pathFilter()),
          queryClient.invalidateQueries(trpc.duplicates.pathFilter()),
        ]);
        void navigate(`/customers/${result.id}`);
      },
      onError: (error) => {
        setConfirming(false);
        if (!hasErrorCode(error, 'conflict')) notifyError(error);
      },
    }),
  );
  const chooseSurvivor = (side: Side) => {
    setSurvivor(side);
    setPicks(defaultPicks(records, side));
  };
  const submit = () =>
    merge.mutate({
      survivorId: kept.id,
      survivorVersion: kept.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
      choices: toChoices(picks, survivor),
    });

  return (
    <Stack gap="md">
      {hasErrorCode(merge.error, 'conflict') && (
        <ConflictAlert
          message={errorMessage(merge.error)}
          onReload={() => {
            merge.reset();
            onReload();
          }}
        />
      )}
      <MergeComparison
        records={records}
        survivor={survivor}
        picks={picks}
        onSurvivor={chooseSurvivor}
        onPick={(field, side) => setPicks((p) => ({ ...p, [field]: side }))}
      />
      <Group justify="space-between">
        <Button component={Link} to="/duplicates" variant="default" leftSection={<IconArrowLeft size={16} />}>
          {t('merge.back')}
        </Button>
        <Button leftSection={<IconArrowsJoin size={16} />} onClick={() => setConfirming(true)} data-testid="merge-submit">
          {t('merge.submit')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('merge.confirmTitle')}
        message={t('merge.confirmMessage', { merged: merged.name, survivor: kept.name })}
        confirmLabel={t('merge.submit')}
        busy={merge.isPending}
        onConfirm={submit}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}

/** The comparison screen for two customers (:a and :b in the address). */
export function MergePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const params = useParams();
  const ids = [Number(params.a), Number(params.b)] as const;
  const valid = ids.every((id) => Number.isInteger(id) && id > 0);
  const [a, b] = useQueries({
    queries: ids.map((id) => ({ ...trpc.customers.get.queryOptions({ id }), enabled: valid, meta: { quiet: true } })),
  });
  const reload = () => void Promise.all([a?.refetch(), b?.refetch()]);

  let body;
  if (!valid || ids[0] === ids[1]) body = <Text c="red">{t('merge.sameCustomer')}</Text>;
  else if (a?.isSuccess && b?.isSuccess) {
    // Remounted when either record changes (a reload after a conflict), so defaults follow the new values.
    body = <MergeForm key={`${a.data.version}:${b.data.version}`} records={{ a: a.data, b: b.data }} onReload={reload} />;
  } else if (a?.isError || b?.isError) body = <Text c="red">{errorMessage(a?.error ?? b?.error)}</Text>;
  else {
    body = (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }

  return (
    <Stack maw={1100} gap="md" data-testid="merge-page">
      <Title order={2}>{t('merge.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('merge.intro')}
      </Text>
      {body}
    </Stack>
  );
}
