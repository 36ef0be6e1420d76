import { apiClient } from '../../helpers/test-host.js';
import type { BenchContext } from '../context.js';
import { SEED_PASSWORD } from '../dataset.js';
import { importFileTimed } from '../import-bench-steps.js';
import { generateCustomerCsv } from '../import-csv.js';
import { atLeast, type BenchRow } from '../report.js';

/** Issue 6's import target. */
const ROWS_PER_SECOND = 20_000;

/**
 * Importing a generated CSV of new customers into the seeded database through the API, as the wizard
 * does it (chunked upload, inspect, start, progress polling): duplicates are checked against every
 * customer already there. Then the same file revised, imported again with "update the existing record":
 * every row matches a customer the first import made.
 */
export async function importSection(ctx: BenchContext): Promise<BenchRow[]> {
  const rows = ctx.dataset.description.importRows;
  const api = apiClient(ctx.host);
  await api.auth.login.mutate({ username: ctx.users.owner.username, password: SEED_PASSWORD });
  const bytes = generateCustomerCsv(rows);
  const t = await importFileTimed(api, 'bench.csv', bytes);
  const again = await importFileTimed(api, 'bench-revised.csv', generateCustomerCsv(rows, { revised: true }), 'update');
  const updated = again.counts?.updated ?? 0;
  if (updated !== rows) throw new Error(`The revised file updated ${updated} of ${rows} customers`);
  const perSecond = (ms: number) => rows / (ms / 1000);
  const file = `${rows} rows, ${(bytes.length / 1e6).toFixed(1)} MB`;
  return [
    {
      section: 'import',
      name: 'import: upload, inspect and import a CSV',
      figure: { value: perSecond(t.total), unit: 'rows/s' },
      result: `${file} in ${(t.total / 1000).toFixed(1)} s`,
      details: { ...t },
      targets: [atLeast(perSecond(t.total), ROWS_PER_SECOND, 'rows/s')],
    },
    {
      section: 'import',
      name: 'import: the import step alone (validate, match, write)',
      figure: { value: perSecond(t.run), unit: 'rows/s' },
      result: `${(t.run / 1000).toFixed(1)} s, ${perSecond(t.runCpu).toFixed(0)} rows per CPU second`,
      targets: [],
    },
    {
      section: 'import',
      name: 'import: the same file revised, again (update the existing records)',
      figure: { value: perSecond(again.total), unit: 'rows/s' },
      result: `${updated} updated in ${(again.total / 1000).toFixed(1)} s`,
      targets: [],
    },
  ];
}
