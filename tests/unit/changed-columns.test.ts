import { describe, expect, it } from 'vitest';
import { changedColumns } from '../../db/versioned.js';

describe('changedColumns', () => {
  it('keeps only the columns whose value differs from the stored row', () => {
    const stored = { name: '深圳测试贸易有限公司', industry: '贸易', owner_id: 3, notes: null, tier: 'A' };
    expect(changedColumns(stored, { name: '深圳测试贸易有限公司', industry: '服务', owner_id: 3, notes: null, tier: 'B' })).toEqual({
      industry: '服务',
      tier: 'B',
    });
  });

  it('sees a value cleared or set where there was none, and nothing when nothing changed', () => {
    const stored = { notes: '老客户', next_follow_up_on: null, owner_id: 3 };
    expect(changedColumns(stored, { notes: null, next_follow_up_on: '2026-12-24', owner_id: null })).toEqual({
      notes: null,
      next_follow_up_on: '2026-12-24',
      owner_id: null,
    });
    expect(changedColumns(stored, { notes: '老客户', owner_id: 3 })).toEqual({});
  });
});
