import { Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { mayGrantRole, ROLES } from '../../../electron/services/permissions';
import { useForm } from '../../shared/useForm';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { FormButtons } from './FormButtons';
import { passwordConfirmed } from './password-confirmation';
import type { Role, Team, UserAccount } from './types';
import { useChangeHandlers } from './useChangeHandlers';
import { usersFieldMessage } from './users-field-message';

interface AccountFormModalProps {
  /** 'new' for a new account, an account to edit it, null when closed. */
  editing: UserAccount | 'new' | null;
  teams: Team[];
  onClose: () => void;
}

export function AccountFormModal({ editing, teams, onClose }: AccountFormModalProps) {
  const { t } = useTranslation();
  const title = editing === 'new' || editing === null ? t('users.edit.newTitle') : t('users.edit.title', { name: editing.displayName });
  return (
    <Modal opened={editing !== null} onClose={onClose} title={title} size="lg">
      {editing !== null && (
        <AccountForm key={editing === 'new' ? 'new' : editing.id} account={editing === 'new' ? undefined : editing} teams={teams} onDone={onClose} />
      )}
    </Modal>
  );
}

function AccountForm({ account, teams, onDone }: { account?: UserAccount | undefined; teams: Team[]; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useCurrentUser();
  const handlers = useChangeHandlers();
  const form = useForm(
    {
      displayName: account?.displayName ?? '',
      username: account?.username ?? '',
      role: account?.role ?? ('sales' as Role),
      teamId: account?.teamId ? String(account.teamId) : null,
      password: '',
      confirmPassword: '',
    },
    '',
    usersFieldMessage,
  );
  const { values, set, error } = form;
  const saved = handlers({
    done: (user: UserAccount) =>
      account ? t('users.accounts.saved', { name: user.displayName }) : t('users.accounts.created', { name: user.displayName, username: user.username }),
    then: onDone,
    form,
  });
  const create = useMutation(trpc.users.create.mutationOptions(saved));
  const update = useMutation(trpc.users.update.mutationOptions(saved));
  // The roles this administrator may give, and whatever the account has now.
  const roles = ROLES.filter((role) => mayGrantRole(me.role, role) || role === account?.role);
  const save = () => {
    const fields = { displayName: values.displayName, role: values.role, teamId: values.teamId ? Number(values.teamId) : null };
    if (account) update.mutate({ id: account.id, ...fields });
    else if (passwordConfirmed(form, values.password)) create.mutate({ ...fields, username: values.username, password: values.password });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('users.field.displayName')} required data-autofocus {...form.text('displayName')} data-testid="account-displayName" />
          <TextInput
            label={t('users.field.username')}
            description={account ? undefined : t('users.field.usernameHint')}
            // The hint goes under the input, so the name and username inputs line up.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required={!account}
            disabled={Boolean(account)}
            autoComplete="off"
            {...form.text('username')}
            data-testid="account-username"
          />
          <Select
            label={t('users.field.role')}
            data={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            allowDeselect={false}
            value={values.role}
            onChange={(value) => value && set('role', value as Role)}
            error={error('role')}
            data-testid="account-role"
          />
          <Select
            label={t('users.field.team')}
            placeholder={t('users.field.noTeam')}
            data={teams.map((team) => ({ value: String(team.id), label: team.name }))}
            clearable
            value={values.teamId}
            onChange={(value) => set('teamId', value)}
            error={error('teamId')}
            data-testid="account-team"
          />
        </SimpleGrid>
        {!account && (
          <Stack gap={4}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PasswordInput
                label={t('users.field.password')}
                required
                autoComplete="new-password"
                {...form.text('password')}
                data-testid="account-password"
              />
              <PasswordInput
                label={t('users.field.confirmPassword')}
                required
                autoComplete="new-password"
                {...form.text('confirmPassword')}
                data-testid="account-confirmPassword"
              />
            </SimpleGrid>
            {/* Once the length is refused, the error says it; the hint would repeat it. */}
            {!error('password') && (
              <Text size="xs" c="dimmed">
                {t('users.field.passwordHint')}
              </Text>
            )}
          </Stack>
        )}
        <FormButtons busy={create.isPending || update.isPending} onCancel={onDone} testId="account-save" />
      </Stack>
    </form>
  );
}
