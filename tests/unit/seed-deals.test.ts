import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDeals } from '../../db/seed/opportunities.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { DATABASE_FILE } from '../../electron/host.js';
import { tempDir } from '../helpers/test-host.js';

// Seeding does not log anyone in; any string will do.
const PASSWORD_HASH = 'scrypt$131072$8$1$c2VlZA==$c2VlZA==';
const dirs: string[] = [];

async function seeded(seed: number): Promise<Connection> {
  const dir = tempDir('crm-seed-deals-');
  dirs.push(dir);
  const connection = openDatabase(join(dir, DATABASE_FILE));
  await migrateToLatest(connection.db);
  await seedDatabase(connection, { seed, customers: 100, passwordHash: PASSWORD_HASH });
  await seedDeals(connection, { seed, deals: 400, batchSize: 64 });
  return connection;
}

const all = async (c: Connection, query: string) => (await sql.raw<Record<string, unknown>>(query).execute(c.db)).rows;

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('seeded deals', () => {
  it('are the same for the same seed, with a consistent stage history', async () => {
    const [a, b] = [await seeded(7), await seeded(7)];
    try {
      const deals = await all(a, 'SELECT * FROM opportunities ORDER BY id');
      expect(deals).toHaveLength(400);
      expect(await all(b, 'SELECT * FROM opportunities ORDER BY id')).toEqual(deals);
      expect(await all(b, 'SELECT * FROM opportunity_stage_changes ORDER BY id')).toEqual(
        await all(a, 'SELECT * FROM opportunity_stage_changes ORDER BY id'),
      );

      // The last recorded change is the deal's stage, entered when the deal says.
      const mismatched = await all(
        a,
        `SELECT o.id FROM opportunities o JOIN opportunity_stage_changes s ON s.id =
           (SELECT max(id) FROM opportunity_stage_changes WHERE opportunity_id = o.id)
         WHERE s.to_stage_id <> o.stage_id OR s.at <> o.stage_entered_at`,
      );
      expect(mismatched).toEqual([]);
      // Open deals are in open stages; closed ones carry their dates, lost ones a reason.
      const wrong = await all(
        a,
        `SELECT o.id FROM opportunities o JOIN pipeline_stages p ON p.id = o.stage_id WHERE
           (p.outcome = 'open' AND o.closed_at IS NOT NULL) OR (p.outcome <> 'open' AND o.closed_at IS NULL)
           OR (p.outcome = 'won' AND o.won_at IS NULL) OR (p.outcome = 'lost' AND (o.lost_at IS NULL OR o.lost_reason IS NULL))`,
      );
      expect(wrong).toEqual([]);
      const [open] = await all(a, 'SELECT count(*) AS n FROM opportunities WHERE closed_at IS NULL');
      expect(Number(open!.n)).toBeGreaterThan(50);
      expect(Number(open!.n)).toBeLessThan(150);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
