import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Inspection } from './ChooseFileStep';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldLabel, type ColumnMapping, type ImportField } from './import-fields';

interface MappingStepProps {
  inspection: Inspection;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onNext: () => void;
}

export function MappingStep({ inspection, mapping, onChange, onBack, onNext }: MappingStepProps) {
  const { t } = useTranslation();
  const columns = inspection.headers.map((header, index) => ({ value: String(index), label: header || `#${index + 1}` }));
  const set = (field: ImportField, column: string | null) => {
    const next = { ...mapping };
    if (column === null) delete next[field];
    else next[field] = Number(column);
    onChange(next);
  };
  const group = (title: string, fields: ImportField[]) => (
    <Stack gap="xs">
      <Title order={4}>{title}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {fields.map((field) => (
          <Select
            key={field}
            label={fieldLabel(t, field)}
            placeholder={t('importer.mapping.notImported')}
            data={columns}
            value={mapping[field] === undefined ? null : String(mapping[field])}
            onChange={(column) => set(field, column)}
            clearable
            searchable
            required={field === 'name'}
            data-testid={`map-${field}`}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
  return (
    <Stack gap="md" maw={720}>
      <Text size="sm">{t('importer.file.read', { rows: inspection.rowCount, name: inspection.fileName })}</Text>
      {inspection.encoding && (
        <Text size="xs" c="dimmed">
          {t('importer.file.encoding', { encoding: inspection.encoding.toUpperCase() })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('importer.mapping.hint')}
      </Text>
      {group(t('importer.mapping.customer'), CUSTOMER_FIELDS)}
      {group(t('importer.mapping.contact'), CONTACT_FIELDS)}
      {mapping.name === undefined && <Alert color="yellow">{t('importer.mapping.nameRequired')}</Alert>}
      <Group>
        <Button variant="default" onClick={onBack}>
          {t('importer.back')}
        </Button>
        <Button onClick={onNext} disabled={mapping.name === undefined} data-testid="import-mapping-next">
          {t('importer.next')}
        </Button>
      </Group>
    </Stack>
  );
}
