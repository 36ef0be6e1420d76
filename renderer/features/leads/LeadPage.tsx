import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { RecordLoader, useAddressId } from '../../shared/RecordLoader';
import { RecordHistory } from '../history/RecordHistory';
import { FollowUpsCard } from '../tasks/FollowUpsCard';
import { TimelineCard } from '../timeline/TimelineCard';
import { leadName } from './lead-form-values';
import { LeadDetailsCard } from './LeadDetailsCard';
import { LeadHeader } from './LeadHeader';
import type { Lead } from './types';

/** /leads/:id: a lead's fields, its follow-ups, its timeline and its history, with what can be done to it. */
export function LeadPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { id, valid } = useAddressId();
  const lead = useQuery({ ...trpc.leads.get.queryOptions({ id }), enabled: valid, meta: { quiet: true } });
  return (
    <RecordLoader
      query={lead}
      valid={valid}
      texts={{ notFound: t('leads.notFound'), hint: t('leads.notFoundHint'), back: t('leads.backToList') }}
      backTo="/leads"
      testId="lead"
    >
      {/* Keyed by the lead, so another lead's page starts with its own filters and pages. */}
      {(loaded) => <LeadDetail key={loaded.id} lead={loaded} />}
    </RecordLoader>
  );
}

function LeadDetail({ lead }: { lead: Lead }) {
  const name = leadName(lead);
  return (
    <Stack maw={1100} gap="md">
      <LeadHeader lead={lead} />
      <LeadDetailsCard lead={lead} />
      <FollowUpsCard
        filter={{ linkType: 'lead', linkId: lead.id }}
        newTask={{ defaults: {}, link: { type: 'lead', id: lead.id }, linkName: name }}
        testId="lead-follow-ups"
      />
      <TimelineCard of={{ lead: { id: lead.id, name }, converted: lead.status === 'converted' }} />
      <RecordHistory of={{ leadId: lead.id }} />
    </Stack>
  );
}
