import type { Connection } from '../connection.js';
import { listStages } from '../pipeline.repository.js';
import type { PipelineStageRow } from '../tables/pipeline.table.js';
import { DEFAULT_NOW } from './generate.js';
import { Random } from './random.js';
import { seedBatches } from './seed-rows.js';

/**
 * Seeded deals for the board and its benchmark: spread over the live customers, owned by the customer's
 * owner, a quarter still open (the rest won or lost), each with its stage history. The same seed and
 * database give the same deals.
 */

export interface SeedDealsOptions {
  seed: number;
  deals: number;
  now?: Date;
  /** Deals per transaction. */
  batchSize?: number;
  onProgress?: (dealsDone: number) => void;
}

export interface SeedDealsSummary {
  deals: number;
  open: number;
  stageChanges: number;
  ms: number;
}

const DAY = 86_400_000;
const HISTORY_MS = 2 * 365 * DAY;
const PRODUCTS = ['ERP 标准版', 'ERP 企业版', 'CRM 云服务', '财务软件', '进销存系统', '实施服务', '年度维保', '硬件设备',
  '数据迁移', '员工培训', 'OA 协同办公', 'Cloud Storage', 'Support Plan'];
const COMPETITORS = ['用友', '金蝶', '销售易', '纷享销客', 'Salesforce', 'SAP', '本地代理商'];
const DEAL_NAMES = ['年度采购', '系统升级', '新建项目', '二期扩容', '续约', '分公司上线', 'Pilot project', '框架协议'];
const LOST_REASONS = ['价格高于竞品', '预算取消', '选择了竞争对手', '项目延期', '联系不上决策人', 'Went with a competitor'];
const CURRENCIES: [string, number][] = [
  ['CNY', 85],
  ['USD', 8],
  ['HKD', 4],
  ['EUR', 3],
];

const DEAL_COLUMNS = ['customer_id', 'contact_id', 'name', 'amount_minor', 'currency', 'expected_close_on', 'products',
  'competitors', 'stage_id', 'owner_id', 'notes', 'lost_reason', 'won_at', 'lost_at', 'closed_at', 'stage_entered_at',
  'last_activity_at', 'created_at', 'updated_at', 'deleted_at', 'deleted_by', 'version'] as const;

const iso = (ms: number) => new Date(ms).toISOString();

interface Path {
  /** Stages in the order entered, and when. */
  steps: { stage: PipelineStageRow; at: number }[];
  outcome: 'open' | 'won' | 'lost';
}

/** The stages a deal went through, from `createdAt` to `end`: open stages in order, then won or lost if closed. */
function stagePath(random: Random, stages: PipelineStageRow[], outcome: Path['outcome'], createdAt: number, end: number): Path['steps'] {
  const open = stages.filter((s) => s.outcome === 'open');
  const closedStage = outcome === 'open' ? null : stages.find((s) => s.outcome === outcome)!;
  const entered = [...open.slice(0, random.int(0, open.length - 1) + 1), ...(closedStage ? [closedStage] : [])];
  const span = Math.max(0, end - createdAt);
  // The first stage from creation, the last one at `end`, the ones between evenly spread.
  if (entered.length === 1) return [{ stage: entered[0]!, at: createdAt }];
  return entered.map((stage, i) => ({ stage, at: createdAt + Math.round((span * i) / (entered.length - 1)) }));
}

export async function seedDeals(connection: Connection, options: SeedDealsOptions): Promise<SeedDealsSummary> {
  const started = performance.now();
  const { db, sqlite } = connection;
  const now = (options.now ?? DEFAULT_NOW).getTime();
  const random = new Random(options.seed ^ 0x5eed_dea1);
  const stages = await listStages(db, { includeArchived: false });
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'owner_id'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const boss = await db.selectFrom('users').select('id').where('role', '=', 'owner').orderBy('id').executeTakeFirst();
  if (customers.length === 0 || !boss) throw new Error('deals need customers and an owner account: seed customers first');

  const insertDeal = sqlite.prepare(
    `INSERT INTO opportunities (${DEAL_COLUMNS.join(', ')}) VALUES (${DEAL_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertChange = sqlite.prepare(
    'INSERT INTO opportunity_stage_changes (opportunity_id, from_stage_id, to_stage_id, at, user_id) VALUES (?, ?, ?, ?, ?)',
  );
  const summary: SeedDealsSummary = { deals: 0, open: 0, stageChanges: 0, ms: 0 };

  const writeOne = () => {
    const customer = random.pick(customers);
    const ownerId = customer.owner_id ?? boss.id;
    const outcome = random.weighted<Path['outcome']>([
      ['open', 25],
      ['won', 40],
      ['lost', 35],
    ]);
    // Open deals are recent (most moved within the last month); closed ones took a week to half a year
    // and opened early enough to have closed by now.
    const duration = random.int(7, 180) * DAY;
    const createdAt =
      outcome === 'open'
        ? now - random.int(0, 120) * DAY
        : Math.round(now - duration - (HISTORY_MS - duration) * (1 - Math.sqrt(random.next())));
    const end = outcome === 'open' ? Math.max(createdAt, now - random.int(0, 30) * DAY) : createdAt + duration;
    const steps = stagePath(random, stages, outcome, createdAt, end);
    const last = steps.at(-1)!;
    const closedAt = outcome === 'open' ? null : iso(last.at);
    const amountYuan = Math.round(Math.exp(random.next() * Math.log(2_000)) * 5_000 / 100) * 100;
    const lastActivity = random.chance(0.5) ? iso(last.at + random.int(0, Math.max(0, Math.floor((now - last.at) / DAY))) * DAY) : null;
    const id = Number(
      insertDeal.run(
        customer.id, null, random.pick(DEAL_NAMES), amountYuan * 100, random.weighted(CURRENCIES),
        iso(createdAt + random.int(30, 240) * DAY).slice(0, 10),
        JSON.stringify(random.sample(PRODUCTS, random.int(1, 3))),
        JSON.stringify(random.chance(0.6) ? random.sample(COMPETITORS, random.int(1, 2)) : []),
        last.stage.id, ownerId, null, outcome === 'lost' ? random.pick(LOST_REASONS) : null,
        outcome === 'won' ? closedAt : null, outcome === 'lost' ? closedAt : null, closedAt, iso(last.at),
        lastActivity, iso(createdAt), iso(last.at), null, null, steps.length,
      ).lastInsertRowid,
    );
    steps.forEach((step, i) => insertChange.run(id, i === 0 ? null : steps[i - 1]!.stage.id, step.stage.id, iso(step.at), ownerId));
    summary.deals++;
    if (outcome === 'open') summary.open++;
    summary.stageChanges += steps.length;
  };

  seedBatches(sqlite, options.deals, writeOne, { batchSize: options.batchSize, afterBatch: () => options.onProgress?.(summary.deals) });
  summary.ms = performance.now() - started;
  return summary;
}
