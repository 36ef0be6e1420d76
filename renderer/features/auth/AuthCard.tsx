import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorSchemeToggle } from '../../shared/ColorSchemeToggle';
import { LanguageSwitch } from '../../shared/LanguageSwitch';

interface AuthCardProps {
  title: string;
  description: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** The centred card the signed-out screens share, with the language and theme switches. */
export function AuthCard({ title, description, onSubmit, children }: AuthCardProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Center mih="100vh" p="md">
      <Stack w={400} maw="100%">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <Group gap="xs">
            <LanguageSwitch />
            <ColorSchemeToggle />
          </Group>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={2} size="h3">
                  {title}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {description}
                </Text>
              </div>
              {children}
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
