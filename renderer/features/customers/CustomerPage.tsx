import { Stack } from '@mantine/core';
import { RecordHistory } from '../history/RecordHistory';
import { FollowUpsCard } from '../tasks/FollowUpsCard';
import { PresenceBar } from '../live/PresenceBar';
import { CustomerDealsCard } from '../opportunities/CustomerDealsCard';
import { TimelineCard } from '../timeline/TimelineCard';
import { ContactsCard } from './ContactsCard';
import { CustomerDetailsCard } from './CustomerDetailsCard';
import { CustomerHeader } from './CustomerHeader';
import { CustomerLoader } from './CustomerLoader';

export function CustomerPage() {
  return (
    <CustomerLoader>
      {(customer) => (
        <Stack maw={1100} gap="md">
          <CustomerHeader customer={customer} />
          <PresenceBar customerId={customer.id} />
          <CustomerDetailsCard customer={customer} />
          <FollowUpsCard
            filter={{ customerId: customer.id }}
            newTask={{ defaults: { customerId: customer.id }, customerName: customer.name }}
            testId="customer-follow-ups"
          />
          <ContactsCard customer={customer} />
          <CustomerDealsCard customer={customer} />
          <TimelineCard key={customer.id} of={{ customerId: customer.id }} />
          <RecordHistory key={customer.id} of={{ customerId: customer.id }} />
        </Stack>
      )}
    </CustomerLoader>
  );
}
