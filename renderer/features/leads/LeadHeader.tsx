import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconEdit, IconUser, IconUserShare, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/useFormat';
import { useCurrentUser } from '../auth/CurrentUserContext';
import { ReleaseDialog, type Releasing } from '../pool/ReleaseDialog';
import { AssignLeadDialog } from './AssignLeadDialog';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { leadName } from './lead-form-values';
import { LeadFormModal } from './LeadFormModal';
import { LeadStatusBadge } from './LeadStatusBadge';
import type { Lead } from './types';
import { useLeadSources } from './useLeadSources';
import { useAccess } from '../auth/useAccess';

/** The lead's name, status, score, owner and source, and what can be done to it (until it is converted). */
export function LeadHeader({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sources = useLeadSources();
  const user = useCurrentUser();
  const { may } = useAccess();
  // Routing leads to others is for the owner and managers; the pool for the roles that sell (the API refuses the others).
  const mayAssign = may('assign');
  const mayRelease = may('pool') && lead.ownerId !== null;
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [releasing, setReleasing] = useState<Releasing | null>(null);
  const name = leadName(lead);
  const converted = lead.status === 'converted';

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2} data-testid="lead-name">
              {name}
            </Title>
            <LeadStatusBadge status={lead.status} size="lg" />
            <Badge variant="outline" size="lg" tt="none" data-testid="lead-score">
              {t('leads.scoreLabel', { score: lead.score })}
            </Badge>
          </Group>
          <Group gap="md">
            {lead.companyName && lead.personName && (
              <Text size="sm" span>
                {lead.personName}
                {lead.title && ` · ${lead.title}`}
              </Text>
            )}
            <Text size="sm" c="dimmed" span data-testid="lead-owner">
              <IconUser size={14} style={{ verticalAlign: -2 }} /> {lead.ownerName ?? t('leads.noOwner')}
            </Text>
            {lead.source && (
              <Text size="sm" c="dimmed" span>
                {t('leads.sourceLabel', { source: sources.label(lead.source) })}
              </Text>
            )}
          </Group>
        </Stack>
        {!converted && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)} data-testid="lead-edit">
              {t('common.edit')}
            </Button>
            {mayAssign && (
              <Button variant="default" leftSection={<IconUserShare size={16} />} onClick={() => setAssigning(true)} data-testid="lead-assign">
                {t('leads.assign.title')}
              </Button>
            )}
            {mayRelease && (
              <Button
                variant="default"
                color="orange"
                leftSection={<IconUsersGroup size={16} />}
                onClick={() => setReleasing({ kind: 'lead', id: lead.id, version: lead.version, name })}
                data-testid="lead-release"
              >
                {t('leads.release.action')}
              </Button>
            )}
            <Button leftSection={<IconArrowsExchange size={16} />} onClick={() => setConverting(true)} data-testid="lead-convert">
              {t('leads.convert.action')}
            </Button>
          </Group>
        )}
      </Group>
      {converted && lead.convertedCustomerId !== null && (
        <Alert color="violet" variant="light" data-testid="lead-converted">
          <Group justify="space-between">
            <Text size="sm">{t('leads.convertedOn', { when: format.instant(lead.convertedAt) })}</Text>
            <Anchor component={Link} to={`/customers/${lead.convertedCustomerId}`} size="sm" data-testid="lead-open-customer">
              {t('leads.convert.open')}
            </Anchor>
          </Group>
        </Alert>
      )}
      <LeadFormModal editing={editing ? lead : null} onClose={() => setEditing(false)} />
      <ConvertLeadDialog lead={converting ? lead : null} onClose={() => setConverting(false)} />
      <AssignLeadDialog lead={assigning ? lead : null} onClose={() => setAssigning(false)} />
      <ReleaseDialog releasing={releasing} onClose={() => setReleasing(null)} />
    </Stack>
  );
}
