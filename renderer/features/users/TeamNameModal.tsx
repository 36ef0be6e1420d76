import { Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { useForm } from '../../shared/useForm';
import { FormButtons } from './FormButtons';
import type { Team } from './types';
import { useChangeHandlers } from './useChangeHandlers';
import { usersFieldMessage } from './users-field-message';

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
  const handlers = useChangeHandlers();
  const form = useForm({ name: team?.name ?? '' }, '', usersFieldMessage);
  const saved = handlers({
    done: (_: unknown, { name }: { name: string }) => t(team ? 'users.teams.renamed' : 'users.teams.created', { name: name.trim() }),
    then: onDone,
    form,
  });
  const create = useMutation(trpc.teams.create.mutationOptions(saved));
  const rename = useMutation(trpc.teams.rename.mutationOptions(saved));
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
        <FormButtons busy={create.isPending || rename.isPending} onCancel={onDone} testId="team-save" />
      </Stack>
    </form>
  );
}
