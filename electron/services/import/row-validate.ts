import { createCustomerInput, TAG_SEPARATOR, type CreateCustomerInput } from '../../api/schemas/customers.schema.js';
import { parsePhone } from '../validation/phone.js';
import { CONTACT_IMPORT_FIELDS, type ColumnMapping, type ImportField } from './import-fields.js';
import { choiceValue, type ChoiceField } from './value-aliases.js';

/** One problem with a row: the field (as the mapping names it) and a message key (errors.field.*). */
export interface RowIssue {
  field: ImportField | 'row';
  message: string;
}

export type ValidatedRow =
  | { ok: true; input: CreateCustomerInput }
  | { ok: false; issues: RowIssue[] };

/** "2024/3/5", "2024.03.05", "2024年3月5日" → "2024-03-05"; anything else unchanged, for validation to judge. */
export function calendarDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}

/** The schema's path of an issue, as the import field the user mapped. */
const CONTACT_PATH: Record<string, ImportField> = { name: 'contactName' };

function fieldOf(path: PropertyKey[]): ImportField | 'row' {
  const [first, second] = path.map(String);
  if (first === 'primaryContact') return (CONTACT_PATH[second ?? ''] ?? second ?? 'contactName') as ImportField;
  if (first === 'tags') return 'tags';
  return (first as ImportField | undefined) ?? 'row';
}

/** The trimmed cell of a field, '' when the field is not mapped. */
function cellOf(cells: string[], mapping: ColumnMapping, field: ImportField): string {
  const column = mapping[field];
  return column === undefined ? '' : (cells[column] ?? '').trim();
}

/** The stored value a choice cell means, or `blank` for an empty cell. */
const choiceOr = <T>(text: string, field: ChoiceField, blank: T) => (text ? choiceValue(field, text) : blank);

/**
 * Turns a row of cells into the input the "new customer" form sends, then validates it with the very
 * same schema (createCustomerInput): import accepts exactly what the form accepts. Blank kind and
 * stage take the form's usual choices (company, prospect). A mobile number in a "phone" column is
 * taken as the mobile when the row has none: spreadsheets rarely keep the two apart.
 */
export function validateRow(cells: string[], mapping: ColumnMapping): ValidatedRow {
  let mobile = cellOf(cells, mapping, 'mobile');
  let landline = cellOf(cells, mapping, 'landline');
  if (!mobile && landline && parsePhone(landline, 'mobile')) [mobile, landline] = [landline, ''];
  const hasContact = mobile !== '' || CONTACT_IMPORT_FIELDS.some((field) => cellOf(cells, mapping, field) !== '');
  const cell = (field: ImportField) => cellOf(cells, mapping, field);
  const raw = {
    name: cell('name'),
    kind: choiceOr(cell('kind'), 'kind', 'company'),
    industry: cell('industry'),
    province: cell('province'),
    city: cell('city'),
    address: cell('address'),
    source: choiceOr(cell('source'), 'source', null),
    stage: choiceOr(cell('stage'), 'stage', 'prospect'),
    tier: choiceOr(cell('tier'), 'tier', null),
    tags: cell('tags')
      .split(TAG_SEPARATOR)
      .map((tag) => tag.trim())
      .filter(Boolean),
    notes: cell('notes'),
    nextFollowUpOn: calendarDate(cell('nextFollowUpOn')),
    primaryContact: hasContact
      ? {
          name: cell('contactName'),
          title: cell('title'),
          mobile,
          landline,
          email: cell('email'),
          wechatId: cell('wechatId'),
          gender: choiceOr(cell('gender'), 'gender', null),
          birthday: calendarDate(cell('birthday')),
        }
      : null,
    // Duplicates are the import's own decision (the duplicate policy), never the form's warning.
    confirmDuplicates: true,
  };
  const result = createCustomerInput.safeParse(raw);
  if (result.success) return { ok: true, input: result.data };
  const issues = new Map<string, RowIssue>();
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (!issues.has(field)) issues.set(field, { field, message: /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid' });
  }
  return { ok: false, issues: [...issues.values()] };
}
