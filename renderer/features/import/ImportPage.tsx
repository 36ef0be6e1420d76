import { Stack, Stepper, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';
import { notifyError } from '../../shared/notify';
import { ChooseFileStep, type Inspection } from './ChooseFileStep';
import type { ColumnMapping, DuplicatePolicy } from './import-fields';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';

/** The import wizard: choose a file, match its columns, check the rows and duplicates, import, read the summary. */
export function ImportPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [step, setStep] = useState(0);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [policy, setPolicy] = useState<DuplicatePolicy>('skip');
  const discard = useMutation(trpc.imports.discard.mutationOptions());
  const start = useMutation(trpc.imports.start.mutationOptions({ onSuccess: () => setStep(3), onError: notifyError }));

  const startOver = () => {
    if (inspection) discard.mutate({ uploadId: inspection.uploadId });
    setInspection(null);
    setMapping({});
    setStep(0);
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('importer.title')}</Title>
      <Stepper active={step} size="sm">
        <Stepper.Step label={t('importer.steps.file')}>
          <ChooseFileStep
            onRead={(read) => {
              setInspection(read);
              setMapping(read.mapping);
              setStep(1);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t('importer.steps.mapping')}>
          {inspection && <MappingStep inspection={inspection} mapping={mapping} onChange={setMapping} onBack={startOver} onNext={() => setStep(2)} />}
        </Stepper.Step>
        <Stepper.Step label={t('importer.steps.preview')}>
          {inspection && step === 2 && (
            <PreviewStep
              uploadId={inspection.uploadId}
              mapping={mapping}
              policy={policy}
              onPolicyChange={setPolicy}
              onBack={() => setStep(1)}
              onStart={() => start.mutate({ uploadId: inspection.uploadId, mapping, policy })}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('importer.steps.run')}>
          {inspection && step === 3 && <RunStep uploadId={inspection.uploadId} onAgain={startOver} />}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
