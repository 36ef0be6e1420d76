import { Button, Center, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { hasErrorCode } from '../api/app-error';
import { errorMessage } from './notify';

/** The record id in the address (:id), and whether it is one at all. */
export function useAddressId(): { id: number; valid: boolean } {
  const id = Number(useParams().id);
  return { id, valid: Number.isInteger(id) && id > 0 };
}

interface RecordLoaderProps<T> {
  /** The record's query, enabled only for a valid id. */
  query: UseQueryResult<T, unknown>;
  valid: boolean;
  texts: { notFound: string; hint: string; back: string };
  /** The list to go back to. */
  backTo: string;
  /** data-testid prefix: `<prefix>-not-found` or `<prefix>-error`. */
  testId: string;
  children: (record: T) => ReactNode;
}

/** Renders the record named in the address once loaded, or says why it cannot and leads back to its list. */
export function RecordLoader<T>({ query, valid, texts, backTo, testId, children }: RecordLoaderProps<T>) {
  if (valid && query.isPending) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  if (query.isSuccess) return children(query.data);
  // Not there, or not the user's to see, rather than a failed request.
  const notFound = !valid || hasErrorCode(query.error, 'not_found');
  return (
    <Center h={300} data-testid={notFound ? `${testId}-not-found` : `${testId}-error`}>
      <Stack align="center" gap="sm">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconUserQuestion size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          {notFound ? texts.notFound : errorMessage(query.error)}
        </Text>
        {notFound && (
          <Text c="dimmed" size="sm">
            {texts.hint}
          </Text>
        )}
        <Button component={Link} to={backTo} variant="default">
          {texts.back}
        </Button>
      </Stack>
    </Center>
  );
}
