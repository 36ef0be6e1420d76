import { customerHistoryInput } from '../../../electron/api/schemas/history.schema.js';
import { timelineInput, type TimelineInput } from '../../../electron/api/schemas/interactions.schema.js';
import { getCustomer } from '../../../electron/services/customers.service.js';
import type { UserContext } from '../../../electron/services/context.js';
import { customerHistory } from '../../../electron/services/history.service.js';
import { listTimeline } from '../../../electron/services/interactions.service.js';
import type { BenchContext } from '../context.js';
import { measure } from '../measure.js';
import { p95Below, ratioAtMost, timingOf, type BenchRow } from '../report.js';
import { cycle } from '../scenarios.js';
import { assertSameIds, measureAgainstRaw } from './compare.js';
import { RAW_RATIO, READ_P95_MS } from './list.js';

/** The timeline card's page size (renderer/features/timeline/TimelineCard.tsx). */
const TIMELINE_PAGE = 20;
/** The history tab's page size (renderer/features/history/RecordHistory.tsx). */
const HISTORY_PAGE = 10;

/**
 * Opening a customer: the two requests the page needs before it shows anything useful, the customer
 * with its contacts (customers.get) and the first page of its timeline (interactions.timeline).
 */
export async function pageSection(ctx: BenchContext): Promise<BenchRow[]> {
  const owner = ctx.as(ctx.users.owner);
  const open = (id: number) => Promise.all([getCustomer(owner, id), listTimeline(owner, { customerId: id, limit: TIMELINE_PAGE })]);
  const rows: BenchRow[] = [];
  const scenarios = [
    { name: 'customer page with its timeline (typical customers)', id: cycle(ctx.terms.customerIds) },
    { name: 'customer page with its timeline (the busiest customer)', id: () => ctx.terms.busiestCustomerId },
  ];
  for (const scenario of scenarios) {
    const id = scenario.id(0);
    const [customer, timeline] = await open(id);
    const raw = ctx.raw.customerPage(id, TIMELINE_PAGE);
    assertSameIds(`${scenario.name}: contacts`, customer.contacts.map((c) => c.id), raw.contacts.map((c) => c.id));
    assertSameIds(`${scenario.name}: timeline`, timeline.items.map((item) => item.id), raw.timeline.slice(0, TIMELINE_PAGE).map((r) => r.id));

    const timed = await measureAgainstRaw(
      scenario.name,
      ctx.runs,
      (i) => open(scenario.id(i)),
      (i) => ctx.raw.customerPage(scenario.id(i), TIMELINE_PAGE),
    );
    const timing = timingOf(timed.ours);
    rows.push({
      section: 'page',
      name: scenario.name,
      timing,
      raw: timingOf(timed.raw),
      result: `${customer.contacts.length} contacts, ${timeline.items.length} interactions${timeline.nextCursor ? ' and more' : ''}`,
      targets: [p95Below(READ_P95_MS)(timing), ratioAtMost(RAW_RATIO, timing.cpuP50! / timed.raw.cpuP50!)],
    });
  }
  for (const { name, input } of await timelinePagings(owner, ctx.terms.busiestCustomerId)) {
    const m = await measure(name, () => listTimeline(owner, input), { runs: ctx.runs, describe: (page) => page.items.length });
    rows.push({ section: 'page', name, timing: timingOf(m), result: `${m.rows} interactions`, targets: [p95Below(READ_P95_MS)(m)] });
  }
  for (const { name, customerId, page } of await historyPagings(owner, ctx)) {
    const input = (i: number) => customerHistoryInput.parse({ customerId: customerId(i), offset: (page - 1) * HISTORY_PAGE, limit: HISTORY_PAGE });
    const m = await measure(name, (i) => customerHistory(owner, input(i)), { runs: ctx.runs, describe: (h) => `${h.items.length} of ${h.total}` });
    rows.push({ section: 'page', name, timing: timingOf(m), result: `${m.rows} entries`, targets: [p95Below(READ_P95_MS)(m)] });
  }
  return rows;
}

/** The history tab: a typical customer's, and the busiest customer's long one, first and last page. */
async function historyPagings(owner: UserContext, ctx: BenchContext) {
  const busiest = () => ctx.terms.busiestCustomerId;
  const { total } = await customerHistory(owner, customerHistoryInput.parse({ customerId: busiest(), limit: 1 }));
  const lastPage = Math.max(1, Math.ceil(total / HISTORY_PAGE));
  return [
    { name: 'change history (typical customers)', customerId: cycle(ctx.terms.customerIds), page: 1 },
    { name: 'change history of the busiest customer: first page', customerId: busiest, page: 1 },
    { name: `change history of the busiest customer: last page (${lastPage})`, customerId: busiest, page: lastPage },
  ];
}

/**
 * Scrolling the busiest customer's timeline: a page deep into its history (keyset cursor) and a page
 * filtered by type, which should cost what the first page does.
 */
async function timelinePagings(owner: UserContext, customerId: number): Promise<{ name: string; input: TimelineInput }[]> {
  const first = timelineInput.parse({ customerId, limit: TIMELINE_PAGE });
  const live = owner.db.selectFrom('interactions').where('customer_id', '=', customerId).where('deleted_at', 'is', null);
  const { n } = await live.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const depth = Math.min(5000, Number(n) - 2 * TIMELINE_PAGE);
  const deep =
    depth > 0
      ? await live.select(['occurred_at', 'id']).orderBy('occurred_at', 'desc').orderBy('id', 'desc').offset(depth).limit(1).executeTakeFirstOrThrow()
      : null;
  return [
    ...(deep
      ? [{ name: `timeline of the busiest customer: the page after row ${depth}`, input: { ...first, cursor: { occurredAt: deep.occurred_at, id: deep.id } } }]
      : []),
    { name: 'timeline of the busiest customer: visits only', input: { ...first, types: ['visit' as const] } },
  ];
}
