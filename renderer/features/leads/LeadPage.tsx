import { Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasErrorCode } from '../../api/app-error';
import { useTRPC } from '../../api/trpc';
import { RecordMissing } from '../../shared/RecordMissing';
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
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const lead = useQuery({ ...trpc.leads.get.queryOptions({ id }), enabled: valid, meta: { quiet: true } });
  if (valid && lead.isPending) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  if (!lead.isSuccess) {
    return (
      <RecordMissing
        notFound={!valid || hasErrorCode(lead.error, 'not_found')}
        error={lead.error}
        texts={{ notFound: t('leads.notFound'), hint: t('leads.notFoundHint'), back: t('leads.backToList') }}
        backTo="/leads"
        testId="lead"
      />
    );
  }
  // Keyed by the lead, so another lead's page starts with its own filters and pages.
  return <LeadDetail key={lead.data.id} lead={lead.data} />;
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
