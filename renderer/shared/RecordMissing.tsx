import { Button, Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from './notify';

interface RecordMissingProps {
  /** Not there (or not the user's to see), rather than a failed request. */
  notFound: boolean;
  error: unknown;
  texts: { notFound: string; hint: string; back: string };
  /** The list to go back to. */
  backTo: string;
  /** data-testid prefix: `<prefix>-not-found` or `<prefix>-error`. */
  testId: string;
}

/** Why a record named in the address is not shown, and the way back to its list. */
export function RecordMissing({ notFound, error, texts, backTo, testId }: RecordMissingProps) {
  return (
    <Center h={300} data-testid={notFound ? `${testId}-not-found` : `${testId}-error`}>
      <Stack align="center" gap="sm">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconUserQuestion size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          {notFound ? texts.notFound : errorMessage(error)}
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
