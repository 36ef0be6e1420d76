import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DuplicateMatch, RouterInputs } from '../../api/types';
import { useTRPC } from '../../api/trpc';

type DuplicateProbe = RouterInputs['customers']['checkDuplicates'];

const digits = (value: string | null | undefined) => (value ?? '').replace(/\D/g, '').length;

/** Worth asking about: too short a value would only match by accident (or not parse as a phone at all). */
function isWorthChecking(probe: DuplicateProbe): boolean {
  return (
    (probe.name?.trim().length ?? 0) >= 2 ||
    digits(probe.mobile) >= 7 ||
    digits(probe.landline) >= 7 ||
    (probe.email ?? '').includes('@')
  );
}

/** Existing customers and contacts that look like the one being typed, asked once typing pauses. */
export function useDuplicateCheck(probe: DuplicateProbe): DuplicateMatch[] {
  const trpc = useTRPC();
  // Debounced as text: the probe is a new object on every render.
  const [settled] = useDebouncedValue(JSON.stringify(probe), 400);
  const input = JSON.parse(settled) as DuplicateProbe;
  const enabled = isWorthChecking(input);
  const matches = useQuery({
    ...trpc.customers.checkDuplicates.queryOptions(input),
    enabled,
    placeholderData: keepPreviousData,
    meta: { quiet: true },
  });
  return enabled ? (matches.data ?? []) : [];
}
