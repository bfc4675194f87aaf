import type { PayoutLine } from './payout-line';
import { withinBatchBound } from './within-batch-bound';

const line = (lineId: string, involvementId: string, occurredOn: string, amountOre: number): PayoutLine => ({
  lineId,
  participantId: 'p1',
  involvementId,
  projectId: 'pr1',
  organizationId: 'o1',
  occurredOn,
  kind: 'meeting',
  amountOre,
  taxable: true,
  incomeType: 'styrehonorarOgGodtgjoerelseVerv',
  adjustsLineId: null,
});

const ids = (lines: readonly PayoutLine[]) => lines.map((l) => l.lineId);

describe('withinBatchBound', () => {
  it('takes everything when it fits, and leaves nothing', () => {
    const lines = [line('a', 'i1', '2025-03-01', 40), line('b', 'i2', '2025-03-02', 60)];
    expect(withinBatchBound(lines, 100)).toEqual({
      taken: lines,
      left: { lineCount: 0, involvementCount: 0, totalOre: 0 },
      overBoundAlone: null,
    });
  });

  it('takes whole involvements oldest first (day, then id) up to the bound and leaves the rest', () => {
    const lines = [
      line('late', 'i0', '2025-03-09', 30),
      line('b1', 'i2', '2025-03-01', 30),
      line('a1', 'i1', '2025-03-01', 30),
      line('b2', 'i2', '2025-03-01', 30),
    ];
    const { taken, left, overBoundAlone } = withinBatchBound(lines, 95);
    expect(ids(taken)).toEqual(['a1', 'b1', 'b2']);
    expect(left).toEqual({ lineCount: 1, involvementCount: 1, totalOre: 30 });
    expect(overBoundAlone).toBeNull();
  });

  it('never splits an involvement, and stops at the first that does not fit (the next batch starts there)', () => {
    const lines = [
      line('a', 'i1', '2025-03-01', 50),
      line('b1', 'i2', '2025-03-02', 40),
      line('b2', 'i2', '2025-03-02', 40),
      line('c', 'i3', '2025-03-03', 10),
    ];
    const { taken, left } = withinBatchBound(lines, 100);
    expect(ids(taken)).toEqual(['a']);
    expect(left).toEqual({ lineCount: 3, involvementCount: 2, totalOre: 90 });
  });

  it('counts reclaims by their absolute amount, as the batch bound does', () => {
    const lines = [line('pay', 'i1', '2025-03-01', 60), line('reclaim', 'i2', '2025-03-02', -60)];
    const { taken, left } = withinBatchBound(lines, 100);
    expect(ids(taken)).toEqual(['pay']);
    expect(left).toEqual({ lineCount: 1, involvementCount: 1, totalOre: -60 });
  });

  it('names the first involvement when it alone moves more than the bound', () => {
    const lines = [line('a', 'i1', '2025-03-01', 101), line('b', 'i2', '2025-03-02', 1)];
    expect(withinBatchBound(lines, 100)).toMatchObject({
      taken: [],
      overBoundAlone: { involvementId: 'i1', movedOre: 101 },
    });
  });

  it('gives the same batch whatever order the lines come in', () => {
    const lines = [
      line('a', 'i1', '2025-03-01', 30),
      line('b', 'i2', '2025-03-01', 30),
      line('c', 'i3', '2025-02-28', 30),
      line('d', 'i4', '2025-03-05', 30),
    ];
    const expected = ids(withinBatchBound(lines, 70).taken);
    expect(expected).toEqual(['c', 'a']);
    expect(ids(withinBatchBound([...lines].reverse(), 70).taken)).toEqual(expected);
  });
});
