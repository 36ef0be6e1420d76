import { listCustomersInput, type ListCustomersInput } from '../../electron/api/schemas/customers.schema.js';
import type { SessionUser } from '../../electron/services/context.js';
import type { BenchTerms } from './terms.js';

/** What the benchmark measures: the customer list as the screens ask for it, and the customer page. */

export interface ListScenario {
  kind: 'list';
  name: string;
  /** Input for run i, as the API would pass it after its zod schema. */
  input: (i: number) => ListCustomersInput;
  /** Whose view (defaults to the owner, who sees everything). */
  viewer?: SessionUser;
}

export interface PageScenario {
  kind: 'page';
  name: string;
  id: (i: number) => number;
}

/** The tag suggestions (customers.tags) as a viewer sees them. */
export interface TagsScenario {
  kind: 'tags';
  name: string;
  viewer: SessionUser;
}

export type Scenario = ListScenario | PageScenario | TagsScenario;

const list = (input: object): ListCustomersInput => listCustomersInput.parse({ limit: 50, ...input });
const cycle = <T>(values: T[]) => (i: number): T => {
  if (values.length === 0) throw new Error('no benchmark inputs found in the data');
  return values[i % values.length]!;
};

export function scenarios(terms: BenchTerms, users: { owner: SessionUser; rep: SessionUser; manager: SessionUser }): Scenario[] {
  const s = (name: string, input: (i: number) => object, viewer?: SessionUser): ListScenario => ({
    kind: 'list',
    name,
    input: (i) => list(input(i)),
    ...(viewer ? { viewer } : {}),
  });
  const searching = (values: string[]) => {
    const term = cycle(values);
    return (i: number) => ({ search: term(i) });
  };
  return [
    s('list: updatedAt desc, first page', () => ({})),
    s('list: name asc, first page', () => ({ sort: 'name', direction: 'asc' })),
    s('list: owner asc, first page', () => ({ sort: 'owner', direction: 'asc' })),
    s('list: updatedAt desc, offset 50000', () => ({ offset: 50_000 })),
    s('list: stage = customer', () => ({ stages: ['customer'] })),
    s(`list: tag = ${terms.tag}`, () => ({ tag: terms.tag })),
    s(`list: owner = ${users.rep.username}`, () => ({ ownerIds: [users.rep.id] })),
    s('list as a sales rep (own only)', () => ({}), users.rep),
    s('list as a manager (team)', () => ({}), users.manager),
    s('list as a manager, search 王', () => ({ search: '王' }), users.manager),
    s('search: 2 Chinese chars (伟明)', searching(terms.chinese2)),
    s('search: 3 Chinese chars (张伟明)', searching(terms.chinese3)),
    s('search: 1 Chinese char (王, first keystroke)', () => ({ search: '王' })),
    s('search: common word (科技)', () => ({ search: '科技' })),
    s('search: 4 phone digits', searching(terms.digits4)),
    s('search: 7 phone digits', searching(terms.digits7)),
    s('search: e-mail prefix (6 chars)', searching(terms.emailPrefix)),
    { kind: 'page', name: 'customer page (getCustomer)', id: cycle(terms.customerIds) },
    { kind: 'tags', name: 'tag suggestions (owner)', viewer: users.owner },
    { kind: 'tags', name: 'tag suggestions (manager)', viewer: users.manager },
    { kind: 'tags', name: 'tag suggestions (sales rep)', viewer: users.rep },
  ];
}
