import { Alert, FileInput, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appErrorOf } from '../../api/app-error';
import { useTRPCClient } from '../../api/trpc';
import type { RouterOutputs } from '../../api/types';
import { errorMessage } from '../../shared/notify';
import { uploadForImport } from '../../shared/file-transfer';

export type Inspection = RouterOutputs['imports']['inspect'] & { uploadId: string };

/** A file problem the host names (unsupported, unreadable, empty, too large), else the generic message. */
function fileErrorText(t: TFunction, error: unknown): string {
  const key = appErrorOf(error)?.fieldErrors?.file;
  const known = ['unsupportedFile', 'unreadableFile', 'emptyFile', 'fileTooLarge', 'incompleteUpload'] as const;
  const match = known.find((k) => k === key);
  return match ? t(`importer.fileError.${match}`) : errorMessage(error);
}

export function ChooseFileStep({ onRead }: { onRead: (inspection: Inspection) => void }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const [progress, setProgress] = useState(0);
  const read = useMutation({
    mutationFn: async (file: File) => {
      setProgress(0);
      const uploadId = await uploadForImport(client, file, setProgress);
      return { uploadId, ...(await client.imports.inspect.mutate({ uploadId })) };
    },
    onSuccess: onRead,
  });
  return (
    <Stack gap="sm" maw={560}>
      <Text size="sm" c="dimmed">
        {t('importer.file.hint')}
      </Text>
      <FileInput
        label={t('importer.file.label')}
        placeholder={t('importer.file.placeholder')}
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} />}
        onChange={(file) => file && read.mutate(file)}
        disabled={read.isPending}
        data-testid="import-file"
      />
      {read.isPending && (
        <Stack gap={4}>
          <Text size="sm">{t('importer.file.uploading')}</Text>
          <Progress value={progress * 100} animated />
        </Stack>
      )}
      {read.isError && (
        <Alert color="red" data-testid="import-file-error">
          {fileErrorText(t, read.error)}
        </Alert>
      )}
    </Stack>
  );
}
