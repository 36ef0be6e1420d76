import type { TFunction } from 'i18next';
import type { RouterInputs } from '../../api/types';

type Exports = RouterInputs['exports'];
type T = TFunction;

/** The lists that export (every procedure of `exports` but the download). */
export type ExportList = Exclude<keyof Exports, 'download'>;
export type ExportInput<L extends ExportList> = Exports[L];

/** A list's own filter and sort, as its screen holds them. */
export type ExportFilter<L extends ExportList> = Omit<ExportInput<L>, keyof ExportWords<L> | 'format' | 'timeZone'>;

/** What the host cannot know: the words of the user's language for one list's file. */
export interface ExportWords<L extends ExportList> {
  /** Names the file and its sheet. */
  title: string;
  /** Each column's header, as the screens label it. */
  headers: ExportInput<L>['headers'];
  /** The words of each column of choices, by the group the host looks a stored value up in ("stage" → {prospect: …}). */
  values: Record<string, Record<string, string>>;
}

const leadWords = (t: T) => ({ status: t('leads.status', { returnObjects: true }), source: t('leads.source', { returnObjects: true }) });

/** Each list's words; the headers reuse the labels its screen already shows. */
export const EXPORT_WORDS: { [L in ExportList]: (t: T) => ExportWords<L> } = {
  customers: (t) => ({
    title: t('exporter.title.customers'),
    headers: {
      name: t('customer.name'),
      kind: t('customer.kind'),
      stage: t('customer.stage'),
      tier: t('customer.tier'),
      industry: t('customer.industry'),
      source: t('customer.source'),
      contactName: t('exporter.column.contactName'),
      title: t('contact.title'),
      mobile: t('contact.mobile'),
      landline: t('contact.landline'),
      email: t('contact.email'),
      wechatId: t('contact.wechatId'),
      province: t('customer.province'),
      city: t('customer.city'),
      address: t('customer.address'),
      owner: t('exporter.column.owner'),
      tags: t('customer.tags'),
      notes: t('customer.notes'),
      lastContactedAt: t('customer.lastContactedAt'),
      nextFollowUpOn: t('customer.nextFollowUpOn'),
      createdAt: t('customer.createdAt'),
      updatedAt: t('customer.updatedAt'),
    },
    values: { kind: t('kind', { returnObjects: true }), stage: t('stage', { returnObjects: true }), source: t('source', { returnObjects: true }) },
  }),
  deals: (t) => ({
    title: t('exporter.title.deals'),
    headers: {
      name: t('opportunities.field.name'),
      customer: t('opportunities.field.customer'),
      stage: t('opportunities.field.stage'),
      amount: t('opportunities.field.amount'),
      currency: t('opportunities.field.currency'),
      expectedCloseOn: t('opportunities.field.expectedCloseOn'),
      owner: t('opportunities.field.owner'),
      stageEnteredAt: t('exporter.column.stageEnteredAt'),
      lastActivityAt: t('exporter.column.lastActivityAt'),
      closedAt: t('exporter.column.closedAt'),
      updatedAt: t('opportunities.table.updatedAt'),
    },
    // Default stages by their translation key; a stage the user named exports its name.
    values: { stage: t('opportunities.stage', { returnObjects: true }) },
  }),
  leads: (t) => ({
    title: t('exporter.title.leads'),
    headers: {
      companyName: t('leads.field.companyName'),
      personName: t('leads.field.personName'),
      title: t('leads.field.title'),
      mobile: t('leads.field.mobile'),
      landline: t('leads.field.landline'),
      email: t('leads.field.email'),
      wechatId: t('leads.field.wechatId'),
      province: t('leads.field.province'),
      city: t('leads.field.city'),
      source: t('leads.field.source'),
      status: t('leads.field.status'),
      score: t('leads.field.score'),
      owner: t('leads.field.owner'),
      notes: t('leads.field.notes'),
      createdAt: t('customer.createdAt'),
      updatedAt: t('customer.updatedAt'),
    },
    values: leadWords(t),
  }),
  poolCustomers: (t) => ({
    title: t('exporter.title.poolCustomers'),
    headers: {
      name: t('customer.name'),
      stage: t('customer.stage'),
      province: t('customer.province'),
      city: t('customer.city'),
      lastContactedAt: t('customer.lastContactedAt'),
      updatedAt: t('customer.updatedAt'),
    },
    values: { stage: t('stage', { returnObjects: true }) },
  }),
  poolLeads: (t) => ({
    title: t('exporter.title.poolLeads'),
    headers: {
      companyName: t('leads.field.companyName'),
      personName: t('leads.field.personName'),
      source: t('leads.field.source'),
      status: t('leads.field.status'),
      score: t('leads.field.score'),
      province: t('leads.field.province'),
      city: t('leads.field.city'),
      updatedAt: t('customer.updatedAt'),
    },
    values: leadWords(t),
  }),
  trash: (t) => ({
    title: t('exporter.title.trash'),
    headers: {
      kind: t('exporter.column.kind'),
      name: t('trash.name'),
      customer: t('exporter.column.customer'),
      contacts: t('exporter.column.contacts'),
      deletedBy: t('trash.deletedBy'),
      deletedAt: t('trash.deletedAt'),
    },
    values: { kind: t('trash.kind', { returnObjects: true }) },
  }),
};

/** The words of choice values as the host looks them up: "stage.prospect" → "潜在客户". */
export function flatValues(groups: ExportWords<ExportList>['values']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [group, words] of Object.entries(groups)) for (const [value, word] of Object.entries(words)) values[`${group}.${value}`] = word;
  return values;
}
