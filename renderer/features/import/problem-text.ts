import type { TFunction } from 'i18next';
import en from '../../i18n/import.en.json';
import { fieldMessage } from '../../shared/field-message';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldLabel, type ImportField } from './import-fields';

interface Issue {
  field: ImportField | 'row';
  message: string;
}

type BrokenReason = keyof typeof en.importer.broken;
const isBrokenReason = (key: string): key is BrokenReason => Object.hasOwn(en.importer.broken, key);

/** One issue as the user reads it: "Mobile: enter an 11-digit…", or a whole-row reason. */
export function issueText(t: TFunction, issue: Issue): string {
  if (issue.field === 'row') return isBrokenReason(issue.message) ? t(`importer.broken.${issue.message}`) : fieldMessage(t, issue.message);
  return `${fieldLabel(t, issue.field)}: ${fieldMessage(t, issue.message)}`;
}

/**
 * The words the host needs to write the error report in the user's language: every field label,
 * message and problem kind the report can mention, keyed as the host's error-report.ts reads them.
 */
export function reportLabels(t: TFunction) {
  const texts: Record<string, string> = {};
  for (const field of [...CUSTOMER_FIELDS, ...CONTACT_FIELDS]) texts[`field.${field}`] = fieldLabel(t, field);
  for (const message of Object.keys(t('errors.field', { returnObjects: true }) as object)) texts[`message.${message}`] = fieldMessage(t, message);
  for (const reason of Object.keys(en.importer.broken) as BrokenReason[]) texts[`message.${reason}`] = t(`importer.broken.${reason}`);
  for (const kind of Object.keys(en.importer.problem) as (keyof typeof en.importer.problem)[]) texts[`kind.${kind}`] = t(`importer.problem.${kind}`);
  return { line: t('importer.report.fileLine'), reason: t('importer.report.reason'), texts };
}
