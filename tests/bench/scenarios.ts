import { listCustomersInput, type ListCustomersInput } from '../../electron/api/schemas/customers.schema.js';
import type { SessionUser } from '../../electron/services/context.js';
import type { BenchTerms } from './terms.js';

/** What the list and search sections measure: the customer list as the screens ask for it. */

export interface ListScenario {
  name: string;
  /** Input for run i, as the API would pass it after its zod schema. */
  input: (i: number) => ListCustomersInput;
  /** Whose view. */
  viewer: SessionUser;
}

export interface BenchUsers {
  owner: SessionUser;
  rep: SessionUser;
  manager: SessionUser;
}

/** The list screen's page size (renderer/features/customers/useCustomerPages.ts). */
export const LIST_PAGE_SIZE = 100;

const list = (input: object): ListCustomersInput => listCustomersInput.parse({ limit: LIST_PAGE_SIZE, ...input });
export const cycle = <T>(values: readonly T[]) => (i: number): T => {
  if (values.length === 0) throw new Error('no benchmark inputs found in the data');
  return values[i % values.length]!;
};

function scenario(name: string, input: (i: number) => object, viewer: SessionUser): ListScenario {
  return { name, input: (i) => list(input(i)), viewer };
}

/** Sorted, filtered and as each role sees it. */
export function listScenarios(terms: BenchTerms, users: BenchUsers, customers: number): ListScenario[] {
  const { owner, rep, manager } = users;
  const middle = Math.floor(customers / 2);
  return [
    scenario('list: updated, newest first (the default)', () => ({}), owner),
    scenario('list: name A-Z', () => ({ sort: 'name', direction: 'asc' }), owner),
    scenario('list: owner A-Z', () => ({ sort: 'owner', direction: 'asc' }), owner),
    scenario(`list: page at offset ${middle}`, () => ({ offset: middle }), owner),
    scenario('list: stage = customer', () => ({ stages: ['customer'] }), owner),
    scenario(`list: tag = ${terms.tag}`, () => ({ tag: terms.tag }), owner),
    scenario(`list: owner = ${rep.username}`, () => ({ ownerIds: [rep.id] }), owner),
    scenario('list as a manager (the team)', () => ({}), manager),
    scenario('list as a sales rep (own)', () => ({}), rep),
  ];
}

/** Search as it is typed: Chinese names by two characters, phone digits, Latin letters. */
export function searchScenarios(terms: BenchTerms, users: BenchUsers): ListScenario[] {
  const { owner, manager } = users;
  const searching = (values: string[]) => {
    const term = cycle(values);
    return (i: number) => ({ search: term(i) });
  };
  return [
    scenario(`search: 2 Chinese characters (${terms.chinese2[0]})`, searching(terms.chinese2), owner),
    scenario(`search: 3 Chinese characters (${terms.chinese3[0]})`, searching(terms.chinese3), owner),
    scenario('search: 1 Chinese character (王, the first keystroke)', () => ({ search: '王' }), owner),
    scenario('search: a common word (科技)', () => ({ search: '科技' }), owner),
    scenario('search: 4 phone digits', searching(terms.digits4), owner),
    scenario('search: 7 phone digits', searching(terms.digits7), owner),
    scenario(`search: Latin prefix, 6 letters (${terms.emailPrefix[0]})`, searching(terms.emailPrefix), owner),
    scenario('search as a manager: 2 Chinese characters', searching(terms.chinese2), manager),
  ];
}

/** The calls repeated over HTTP: the list's first screen and search by each kind of term, as the owner. */
export function httpScenarios(terms: BenchTerms, users: BenchUsers): ListScenario[] {
  const [first] = listScenarios(terms, users, 0);
  const searches = searchScenarios(terms, users);
  const pick = (start: string) => searches.find((s) => s.name.startsWith(start))!;
  return [first!, pick('search: 2 Chinese'), pick('search: 4 phone'), pick('search: Latin')];
}
