import { Alert, Anchor, Button, List, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../../api/types';

interface DuplicateAlertProps {
  matches: DuplicateMatch[];
  /** Given once the server refused the save: lets the user confirm it is not a duplicate. */
  onSaveAnyway?: () => void;
  saving?: boolean;
}

export function DuplicateAlert({ matches, onSaveAnyway, saving }: DuplicateAlertProps) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconCopy size={18} />} title={t('duplicates.title')} data-testid="duplicate-alert">
      <List size="sm" spacing={4}>
        {matches.map((match) => (
          <List.Item key={`${match.customerId}-${match.contactId ?? ''}-${match.reason}`}>
            {match.visible ? (
              <Anchor component={Link} to={`/customers/${match.customerId}`} size="sm">
                {match.customerName}
              </Anchor>
            ) : (
              <Text span size="sm" fw={500}>
                {match.customerName}
              </Text>
            )}
            {match.contactName && ` · ${match.contactName}`}
            <Text span size="sm" c="dimmed">
              {' '}
              ({t(`duplicates.reason.${match.reason}`)}
              {match.ownerName && ` · ${t('duplicates.owner', { name: match.ownerName })}`})
            </Text>
          </List.Item>
        ))}
      </List>
      {onSaveAnyway && (
        <>
          <Text size="sm" mt="sm">
            {t('duplicates.confirmHint')}
          </Text>
          <Button mt="xs" size="xs" color="yellow" onClick={onSaveAnyway} loading={saving} data-testid="save-anyway">
            {t('duplicates.saveAnyway')}
          </Button>
        </>
      )}
    </Alert>
  );
}
