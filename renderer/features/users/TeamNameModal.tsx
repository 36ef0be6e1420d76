import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { notifySuccess } from '../../shared/notify';
import { useForm } from '../../shared/useForm';
import type { Team } from './types';
import { useInvalidateUsers } from './useInvalidateUsers';
import { showFormError, usersFieldMessage } from './users-field-message';

/** Names a new team ('new') or renames one; closed when null. */
export function TeamNameModal({ naming, onClose }: { naming: Team | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = naming === 'new' || naming === null ? t('users.teams.new') : t('users.teams.renameTitle', { name: naming.name });
  return (
    <Modal opened={naming !== null} onClose={onClose} title={title}>
      {naming !== null && <TeamNameForm key={naming === 'new' ? 'new' : naming.id} team={naming === 'new' ? undefined : naming} onDone={onClose} />}
    </Modal>
  );
}

function TeamNameForm({ team, onDone }: { team?: Team | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateUsers();
  const form = useForm({ name: team?.name ?? '' }, '', usersFieldMessage);
  const handlers = (message: 'users.teams.created' | 'users.teams.renamed') => ({
    meta: { quiet: true },
    onSuccess: () => {
      void invalidate();
      notifySuccess(t(message, { name: form.values.name.trim() }));
      onDone();
    },
    onError: (error: unknown) => showFormError(form, error),
  });
  const create = useMutation(trpc.teams.create.mutationOptions(handlers('users.teams.created')));
  const rename = useMutation(trpc.teams.rename.mutationOptions(handlers('users.teams.renamed')));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (team) rename.mutate({ id: team.id, name: form.values.name });
        else create.mutate({ name: form.values.name });
      }}
    >
      <Stack>
        <TextInput label={t('users.teams.name')} data-autofocus {...form.text('name')} data-testid="team-name" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || rename.isPending} data-testid="team-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
