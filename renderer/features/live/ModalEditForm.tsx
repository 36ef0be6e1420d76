import { Button, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictComparison, type ConflictProps } from './ConflictDialog';
import type { EditConflict } from './useVersionedEdit';

type ModalEditFormProps<V extends object> = Omit<ConflictProps<V>, keyof EditConflict<V>> & {
  onSubmit(): void;
  onCancel(): void;
  saving: boolean;
  saveTestId: string;
  /** A refused save (useVersionedEdit): its comparison shows in place of the fields until the user picks a way on. */
  conflict: EditConflict<V> | null;
  /** Left of the buttons (a delete button). */
  actions?: ReactNode;
  children: ReactNode;
};

/**
 * The body of a dialog that creates or edits a record: its fields, cancel and save. The comparison
 * replaces the fields rather than opening over them: a second dialog would close both on Escape, and the
 * user's typing with them. The form stays mounted meanwhile, so every field keeps its state.
 */
export function ModalEditForm<V extends object>({ onSubmit, onCancel, saving, saveTestId, conflict, actions, children, ...labelling }: ModalEditFormProps<V>) {
  const { t } = useTranslation();
  return (
    <>
      {conflict && (
        <div data-testid="conflict-dialog">
          <Title order={4} mb="xs">
            {t('conflict.title')}
          </Title>
          <ConflictComparison {...labelling} {...conflict} />
        </div>
      )}
      <form
        noValidate
        hidden={conflict !== null}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          <Group justify="space-between">
            <div>{actions}</div>
            <Group>
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={saving} data-testid={saveTestId}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </>
  );
}
