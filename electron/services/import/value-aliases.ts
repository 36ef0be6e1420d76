import { customerKinds, customerSources, customerStages, customerTiers, genders } from '../../api/schemas/customers.schema.js';
import { foldHeader } from './column-guess.js';

/**
 * The words a spreadsheet uses for the choice fields, mapped to the stored values: the value itself,
 * its English and Chinese labels (the ones the app shows and exports; tests/unit/import-values.test.ts
 * keeps them in step with renderer/i18n), and a few common synonyms.
 */
const ALIASES = {
  kind: {
    company: ['公司', '企业', '单位', '机构', 'company', 'business', 'organization'],
    person: ['个人', '个体', 'person', 'individual'],
  },
  stage: {
    prospect: ['潜在客户', '潜在', '线索', 'prospect', 'lead'],
    interested: ['意向客户', '意向', 'interested'],
    customer: ['成交客户', '已成交', '成交', '客户', 'customer', 'won'],
    repeat: ['复购客户', '复购', '老客户', 'repeat', 'repeatcustomer'],
    churned: ['流失客户', '流失', 'churned', 'lost'],
  },
  source: {
    website: ['官网', '网站', 'website', 'web'],
    referral: ['转介绍', '介绍', '推荐', 'referral'],
    exhibition: ['展会', '会展', 'exhibition', 'tradeshow', 'fair'],
    advertising: ['广告', 'advertising', 'ad', 'ads'],
    phone: ['电话', '来电', 'phone', 'call'],
    social: ['社交媒体', '社交', '微信', 'social', 'socialmedia'],
    other: ['其他', '其它', 'other'],
  },
  tier: {
    A: ['a', 'a级', 'tiera'],
    B: ['b', 'b级', 'tierb'],
    C: ['c', 'c级', 'tierc'],
    D: ['d', 'd级', 'tierd'],
  },
  gender: {
    male: ['男', '男性', 'male', 'm', 'man'],
    female: ['女', '女性', 'female', 'f', 'woman'],
    other: ['其他', 'other'],
  },
} satisfies {
  kind: Record<(typeof customerKinds)[number], string[]>;
  stage: Record<(typeof customerStages)[number], string[]>;
  source: Record<(typeof customerSources)[number], string[]>;
  tier: Record<(typeof customerTiers)[number], string[]>;
  gender: Record<(typeof genders)[number], string[]>;
};

export type ChoiceField = keyof typeof ALIASES;

const LOOKUP = Object.fromEntries(
  Object.entries(ALIASES).map(([field, values]) => [
    field,
    new Map(Object.entries(values).flatMap(([value, words]) => words.map((word) => [foldHeader(word), value]))),
  ]),
) as Record<ChoiceField, Map<string, string>>;

/** The stored value a cell means; an unknown word is returned as written, for validation to refuse. */
export function choiceValue(field: ChoiceField, text: string): string {
  return LOOKUP[field].get(foldHeader(text)) ?? text;
}
