import { describe, expect, it } from 'vitest';
import { compareEdits, isBlank, latestOf } from '../../renderer/features/live/edit-merge.js';

/** A deal form as three people see it: the version both started from. */
const base = { name: '年度采购', amount: 100_000, ownerId: '1', products: ['ERP'], notes: '' };

describe('compareEdits', () => {
  it('lists the fields either side changed, and reapplies mine on top of theirs', () => {
    const theirs = { ...base, name: '年度采购（二期）', products: ['ERP', '实施服务'] };
    const mine = { ...base, amount: 150_000 };
    const { changes, reapplied } = compareEdits(base, theirs, mine);
    expect(changes).toEqual([
      { key: 'name', theirs: '年度采购（二期）', mine: '年度采购', changedByMe: false, clash: false },
      { key: 'amount', theirs: 100_000, mine: 150_000, changedByMe: true, clash: false },
      { key: 'products', theirs: ['ERP', '实施服务'], mine: ['ERP'], changedByMe: false, clash: false },
    ]);
    expect(reapplied).toEqual({ ...theirs, amount: 150_000 });
  });

  it('marks a field both changed to different values as a clash, where mine wins on reapply', () => {
    const { changes, reapplied } = compareEdits(base, { ...base, notes: '先寄样品' }, { ...base, notes: '下周拜访' });
    expect(changes).toEqual([{ key: 'notes', theirs: '先寄样品', mine: '下周拜访', changedByMe: true, clash: true }]);
    expect(reapplied.notes).toBe('下周拜访');
  });

  it('does not call the same change made on both sides a clash', () => {
    const same = { ...base, ownerId: '2', products: ['ERP', '实施服务'] };
    const { changes, reapplied } = compareEdits(base, same, { ...same });
    expect(changes.map((c) => [c.key, c.clash])).toEqual([
      ['ownerId', false],
      ['products', false],
    ]);
    expect(reapplied).toEqual(same);
  });

  it('finds nothing to show when neither side changed a field (a save refused for a change elsewhere)', () => {
    expect(compareEdits(base, { ...base }, { ...base })).toEqual({ changes: [], reapplied: base });
  });

  it('compares lists by their items in order', () => {
    const { changes } = compareEdits(base, { ...base, products: ['ERP'] }, { ...base, products: ['ERP'] });
    expect(changes).toEqual([]);
    const reordered = compareEdits({ tags: ['a', 'b'] }, { tags: ['b', 'a'] }, { tags: ['a', 'b'] });
    expect(reordered.changes).toEqual([{ key: 'tags', theirs: ['b', 'a'], mine: ['a', 'b'], changedByMe: false, clash: false }]);
  });
});

describe('isBlank', () => {
  it('is true for what a form shows as empty, and false for a value, zero and false included', () => {
    expect([null, undefined, '', []].map(isBlank)).toEqual([true, true, true, true]);
    expect(['0', 0, false, ['ERP'], ' '].map(isBlank)).toEqual([false, false, false, false, false]);
  });
});

describe('latestOf', () => {
  it("splits a refused save's data into the record as saved and who saved it", () => {
    const refused = { id: 7, version: 3, name: '年度采购（二期）', updatedByName: '李雷' };
    expect(latestOf(refused)).toEqual({ record: { id: 7, version: 3, name: '年度采购（二期）' }, savedBy: '李雷' });
  });

  it('has no name when no one is on record (a change by the system)', () => {
    expect(latestOf({ id: 7, version: 2, updatedByName: null })).toEqual({ record: { id: 7, version: 2 }, savedBy: null });
  });
});
