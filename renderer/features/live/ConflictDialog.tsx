import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { compareEdits, isBlank } from './edit-merge';
import type { EditConflict } from './useVersionedEdit';

/** What kind of record was edited, for the dialog's explanation. */
export type ConflictSubject = 'customer' | 'contact' | 'deal' | 'task' | 'lead' | 'interaction';

/** Each form field's label, as the form shows it. */
export type FieldLabels<V> = Record<keyof V & string, ParseKeys>;

/** How a field's value reads, for fields that hold a code or an id; a blank value reads as a dash without asking. */
export type FieldFormats<V> = { [K in keyof V]?: (value: NonNullable<V[K]>) => ReactNode };

export interface ConflictProps<V extends object> extends EditConflict<V> {
  subject: ConflictSubject;
  labels: FieldLabels<V>;
  formats?: FieldFormats<V>;
}

/**
 * A colleague saved this record first: their change beside mine, field by field, and the two ways on:
 * reapply mine on top of theirs, or discard mine.
 */
export function ConflictComparison<V extends object>({ subject, labels, formats = {}, base, theirs, mine, savedBy, onReapply, onDiscard }: ConflictProps<V>) {
  const { t } = useTranslation();
  const { changes, reapplied } = compareEdits(base, theirs, mine);

  const label = (key: keyof V & string): string => t(labels[key] as ParseKeys);
  const shown = (key: keyof V & string, value: unknown): ReactNode => {
    if (isBlank(value)) return '—';
    const format = formats[key] as ((value: unknown) => ReactNode) | undefined;
    if (format) return format(value);
    if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
    return Array.isArray(value) ? value.join('、') : String(value);
  };

  return (
    <>
      <Text size="sm" mb="sm">
        {t(`conflict.saved.${subject}`, { name: savedBy ?? t('conflict.someone') })}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('conflict.field')}</Table.Th>
            <Table.Th>{t('conflict.theirs')}</Table.Th>
            <Table.Th>{t('conflict.mine')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.key} data-testid={`conflict-field-${change.key}`}>
              <Table.Td>
                {label(change.key)}
                {change.clash && (
                  <Badge ml="xs" size="xs" color="red" variant="light">
                    {t('conflict.both')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{shown(change.key, change.theirs)}</Table.Td>
              <Table.Td c={change.changedByMe ? undefined : 'dimmed'}>{change.changedByMe ? shown(change.key, change.mine) : t('conflict.unchanged')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onDiscard} data-testid="conflict-discard">
          {t('conflict.discard')}
        </Button>
        <Button onClick={() => onReapply(reapplied)} data-testid="conflict-reapply">
          {t('conflict.reapply')}
        </Button>
      </Group>
    </>
  );
}

/** The comparison over a page's form (a form in a dialog shows it in place instead: see ModalEditForm). */
export function ConflictDialog<V extends object>(props: ConflictProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={props.onDiscard} title={t('conflict.title')} size="lg" data-testid="conflict-dialog">
      <ConflictComparison {...props} />
    </Modal>
  );
}
