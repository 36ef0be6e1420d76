/** A company customer's create input; duplicates confirmed, so tests can reuse names and numbers freely. */
export const company = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'company' as const,
  stage: 'prospect' as const,
  confirmDuplicates: true,
  ...extra,
});
