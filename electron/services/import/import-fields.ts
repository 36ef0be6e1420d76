/** What a column of the file can be imported as: customer fields, then the fields of its contact. */
export const CUSTOMER_IMPORT_FIELDS = [
  'name',
  'kind',
  'industry',
  'province',
  'city',
  'address',
  'source',
  'stage',
  'tier',
  'tags',
  'notes',
  'nextFollowUpOn',
] as const;

export const CONTACT_IMPORT_FIELDS = ['contactName', 'title', 'mobile', 'landline', 'email', 'wechatId', 'gender', 'birthday'] as const;

export const IMPORT_FIELDS = [...CUSTOMER_IMPORT_FIELDS, ...CONTACT_IMPORT_FIELDS] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which column (0-based) each field comes from; a field left out is not imported. */
export type ColumnMapping = Partial<Record<ImportField, number>>;
