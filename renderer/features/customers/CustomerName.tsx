import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';

/** A customer's name by id (select text), read from the cache or the API; its number until then. */
export function CustomerName({ id }: { id: string }) {
  const trpc = useTRPC();
  const customer = useQuery({ ...trpc.customers.get.queryOptions({ id: Number(id) }), meta: { quiet: true } });
  return customer.data?.name ?? `#${id}`;
}
