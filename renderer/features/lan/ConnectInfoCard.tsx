import { Alert, Card, Code, CopyButton, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LanStatus } from './types';

/** What a colleague needs: the addresses, the pairing code to compare, and the steps. */
export function ConnectInfoCard({ status }: { status: LanStatus }) {
  const { t } = useTranslation();
  if (status.error) {
    return (
      <Alert color="red" data-testid="lan-error">
        {t(`lan.error.${status.error}`, { port: status.port })}
      </Alert>
    );
  }
  if (!status.running) return null;
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3} size="h4">
          {t('lan.connect.heading')}
        </Title>
        <div>
          <Text size="sm" c="dimmed">
            {t('lan.connect.pairingCode')}
          </Text>
          <Text ff="monospace" fz={28} fw={700} data-testid="pairing-code">
            {status.pairingCode}
          </Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('lan.connect.addresses')}
          </Text>
          {status.urls.length === 0 && <Text>{t('lan.connect.noAddress')}</Text>}
          {status.urls.map((url) => (
            <Group key={url} gap="xs">
              <Code fz="md" data-testid="lan-address">
                {url}
              </Code>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" onClick={copy}>
                    {copied ? t('lan.connect.copied') : t('lan.connect.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          ))}
        </div>
        <div>
          <Text fw={500}>{t('lan.connect.stepsHeading')}</Text>
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('lan.connect.step1')}</List.Item>
            <List.Item>{t('lan.connect.step2')}</List.Item>
            <List.Item>{t('lan.connect.step3', { code: status.pairingCode })}</List.Item>
            <List.Item>{t('lan.connect.step4')}</List.Item>
          </List>
        </div>
        <Text size="sm" c="dimmed">
          {t('lan.connect.browser')}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {t('lan.connect.fingerprint')}: {status.fingerprint}
        </Text>
      </Stack>
    </Card>
  );
}
