import { Stack } from '@mantine/core';
import { CustomerHistory } from '../history/CustomerHistory';
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
          <CustomerDetailsCard customer={customer} />
          <ContactsCard customer={customer} />
          <CustomerHistory key={customer.id} customerId={customer.id} />
        </Stack>
      )}
    </CustomerLoader>
  );
}
