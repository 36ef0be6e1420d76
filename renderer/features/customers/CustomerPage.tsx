import { Stack } from '@mantine/core';
import { CustomerHistory } from '../history/CustomerHistory';
import { PresenceBar } from '../live/PresenceBar';
import { CustomerFollowUpsCard } from '../tasks/CustomerFollowUpsCard';
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
          <CustomerFollowUpsCard customer={customer} />
          <ContactsCard customer={customer} />
          <CustomerDealsCard customer={customer} />
          <TimelineCard key={customer.id} customer={customer} />
          <CustomerHistory key={customer.id} customerId={customer.id} />
        </Stack>
      )}
    </CustomerLoader>
  );
}
