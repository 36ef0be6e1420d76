import { createCustomerInput, updateCustomerInput } from '../../../electron/api/schemas/customers.schema.js';
import { createCustomer, updateCustomer, type CustomerDetail } from '../../../electron/services/customers.service.js';
import type { UserContext } from '../../../electron/services/context.js';
import type { BenchContext } from '../context.js';
import { measure } from '../measure.js';
import { p95Below, timingOf, type BenchRow } from '../report.js';
import { CLICK_P95_MS } from './board.js';

/** The form's fields of a customer as it was read, for an update that names the version it read. */
export function editOf(customer: CustomerDetail, changes: { name?: string; notes?: string }) {
  return updateCustomerInput.parse({
    id: customer.id,
    version: customer.version,
    name: changes.name ?? customer.name,
    kind: customer.kind,
    industry: customer.industry,
    province: customer.province,
    city: customer.city,
    address: customer.address,
    source: customer.source,
    stage: customer.stage,
    tier: customer.tier,
    tags: customer.tags,
    ownerId: customer.ownerId,
    notes: changes.notes ?? customer.notes,
    nextFollowUpOn: customer.nextFollowUpOn,
  });
}

/** A new company with its primary contact, unlike any seeded one (so the duplicate check passes, as it mostly does). */
export const newCompany = (n: number) =>
  createCustomerInput.parse({
    name: `基准测试${n}号科技有限公司`,
    kind: 'company',
    industry: '软件',
    province: '广东',
    city: '深圳',
    stage: 'prospect',
    tags: ['展会'],
    primaryContact: { name: '测试联系人', email: `bench.${n}@bench-writes.example` },
  });

/** Saving the new-customer form (duplicate check, insert, search index, audit) and saving an edit. */
export async function writesSection(ctx: BenchContext): Promise<BenchRow[]> {
  const owner: UserContext = ctx.as(ctx.users.owner);
  const created: CustomerDetail[] = [];
  const create = await measure('create a customer (with its primary contact)', async () => {
    const customer = await createCustomer(owner, newCompany(created.length));
    created.push(customer);
    return customer;
  }, { runs: ctx.runs });
  // Every other edit renames the customer, which also rewrites its search document.
  const update = await measure('update a customer (notes; every other run, the name)', async (i) => {
    const customer = created[i % created.length]!;
    const saved = await updateCustomer(owner, editOf(customer, i % 2 ? { name: `${customer.name}·改` } : { notes: `第${i}次回访` }));
    created[i % created.length] = saved;
    return saved;
  }, { runs: ctx.runs });
  return [create, update].map((m) => ({ section: 'writes', name: m.name, timing: timingOf(m), targets: [p95Below(CLICK_P95_MS)(m)] }));
}
