import { boardInput, listDealsInput } from '../../../electron/api/schemas/opportunities.schema.js';
import { getBoard, getBoardColumnCards, listDeals } from '../../../electron/services/opportunities.service.js';
import type { BenchContext } from '../context.js';
import type { BenchRow } from '../report.js';
import { roleContexts, timedRows } from '../timed-rows.js';

/** "Every click answers in under 100 ms" (issue 6); the board has no tighter target of its own. */
export const CLICK_P95_MS = 100;

/** The deal board (the pipeline screen) as each role opens it, a column's "load more", and the deal list. */
export async function boardSection(ctx: BenchContext): Promise<BenchRow[]> {
  const { owner, manager, rep } = roleContexts(ctx);
  const board = boardInput.parse({ limit: 20 });
  const columns = (await getBoard(owner, board)).columns;
  const fullest = columns.reduce((a, b) => (b.count > a.count ? b : a));
  const last = fullest.cards.at(-1);
  const deals = (b: Awaited<ReturnType<typeof getBoard>>) => `${b.columns.reduce((n, c) => n + c.count, 0)} open deals`;
  const totalOf = (r: { total: number }) => `${r.total} deals`;
  const list = (input: object) => listDealsInput.parse({ limit: 50, ...input });

  const { rows, timed } = timedRows(ctx, 'board', CLICK_P95_MS);
  await timed('deal board (owner: all)', () => getBoard(owner, board), deals);
  await timed('deal board (manager: the team)', () => getBoard(manager, board), deals);
  await timed('deal board (sales rep: own)', () => getBoard(rep, board), deals);
  if (last) {
    const after = { stageEnteredAt: last.stageEnteredAt, id: last.id };
    await timed(
      'deal board: a column loads 20 more',
      () => getBoardColumnCards(owner, { stageId: fullest.stageId, after, limit: 20 }),
      (cards) => `${cards.length} cards`,
    );
  }
  await timed('deal list: updated, newest first', () => listDeals(owner, list({})), totalOf);
  await timed('deal list: one stage, by amount', () => listDeals(owner, list({ stageIds: [fullest.stageId], sort: 'amount' })), totalOf);
  return rows;
}
