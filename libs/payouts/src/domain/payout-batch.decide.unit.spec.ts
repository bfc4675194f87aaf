import { Conflict, Forbidden, RuleViolation, ValidationFailed } from '@app/shared-kernel';
import { ClaimLedger } from './claim-ledger';
import { owedLines, type Entitlement } from './owed-lines';
import type { PayoutBatchCommand } from './payout-batch.commands';
import { payoutBatchDecider } from './payout-batch.decider';
import type { PayoutBatchEvent } from './payout-batch.events';
import type { PayoutLine } from './payout-line';

const line = (lineId: string, amountOre: number, over: Partial<PayoutLine> = {}): PayoutLine => ({
  lineId,
  participantId: 'p1',
  involvementId: 'i1',
  projectId: 'pr1',
  organizationId: 'o1',
  occurredOn: '2025-03-10',
  kind: 'meeting',
  amountOre,
  taxable: true,
  incomeType: 'styrehonorarOgGodtgjoerelseVerv',
  adjustsLineId: null,
  ...over,
});

const L1 = line('l1', 114400);
const L2 = line('l2', 29400, { kind: 'mileage', taxable: false, incomeType: 'kilometergodtgjoerelseBil' });

const drafted: PayoutBatchEvent = {
  type: 'PayoutBatchDrafted',
  data: {
    batchId: 'b1',
    periodEnd: '2025-05-31',
    organizationId: null,
    createdBy: 'frode',
    lines: [L1, L2],
    totalOre: 143800,
  },
};
const approved: PayoutBatchEvent = {
  type: 'PayoutBatchApproved',
  data: { batchId: 'b1', approvedBy: 'fiona', lines: [L1, L2], totalOre: 143800 },
};
const paidL1: PayoutBatchEvent = {
  type: 'PaymentResultsRecorded',
  data: { batchId: 'b1', results: [{ lineId: 'l1', status: 'paid', reference: 'BANK-1', reason: null }] },
};

function decide(given: PayoutBatchEvent[], command: PayoutBatchCommand) {
  const state = given.reduce(payoutBatchDecider.evolve, payoutBatchDecider.initialState());
  return payoutBatchDecider.decide(command, state);
}

const results = (...r: object[]): PayoutBatchCommand => ({
  type: 'RecordPaymentResults',
  data: { results: r },
});

describe('PayoutBatch decider', () => {
  it('drafts a batch with its total; nothing owed is refused with nothing-payable (422)', () => {
    const command: PayoutBatchCommand = {
      type: 'DraftPayoutBatch',
      data: {
        batchId: 'b1',
        periodEnd: '2025-05-31',
        organizationId: null,
        createdBy: 'frode',
        lines: [L1, L2],
      },
    };
    expect(decide([], command)).toEqual([drafted]);
    const empty = { ...command, data: { ...command.data, lines: [] } };
    expect(() => decide([], empty)).toThrow(RuleViolation);
    expect(() => decide([drafted], command)).toThrow(Conflict);
  });

  it('refuses approval by the creator (Forbidden) and approves for another finance user', () => {
    expect(() => decide([drafted], { type: 'ApprovePayoutBatch', data: { approvedBy: 'frode' } })).toThrow(
      Forbidden,
    );
    expect(decide([drafted], { type: 'ApprovePayoutBatch', data: { approvedBy: 'fiona' } })).toEqual([
      approved,
    ]);
    expect(() =>
      decide([drafted, approved], { type: 'ApprovePayoutBatch', data: { approvedBy: 'fiona' } }),
    ).toThrow(Conflict);
  });

  it('cancels a batch without paid lines, refuses once a line is paid (Conflict)', () => {
    const cancel: PayoutBatchCommand = {
      type: 'CancelPayoutBatch',
      data: { cancelledBy: 'fiona', reason: 'Feil' },
    };
    expect(decide([drafted, approved], cancel)).toEqual([
      { type: 'PayoutBatchCancelled', data: { batchId: 'b1', cancelledBy: 'fiona', reason: 'Feil' } },
    ]);
    expect(() => decide([drafted, approved, paidL1], cancel)).toThrow(Conflict);
    expect(() => decide([drafted], { ...cancel, data: { cancelledBy: 'x', reason: ' ' } })).toThrow(
      ValidationFailed,
    );
  });

  it('refuses a national identity number in a cancel or failure reason (422), not in a payment reference', () => {
    // Synthetic (Tenor) number: valid in form, belongs to no one.
    const nationalId = '15838510075';
    const cancel: PayoutBatchCommand = {
      type: 'CancelPayoutBatch',
      data: { cancelledBy: 'fiona', reason: `Feil konto for ${nationalId}` },
    };
    const rule = (fn: () => unknown) => {
      expect(fn).toThrow(RuleViolation);
      expect(fn).toThrow(/results\[0\]\.reason|reason holds one/);
    };
    rule(() => decide([drafted, approved], cancel));
    rule(() =>
      decide(
        [drafted, approved],
        results({ lineId: 'l1', status: 'failed', reason: `Ukjent ${nationalId}` }),
      ),
    );
    expect(
      decide([drafted, approved], results({ lineId: 'l1', status: 'paid', reference: nationalId })),
    ).toHaveLength(1);
  });

  it('records a result once: the same result again gives no event, a different one is a Conflict', () => {
    const paid = { lineId: 'l1', status: 'paid', reference: 'BANK-1' };
    expect(decide([drafted, approved], results(paid))).toEqual([paidL1]);
    expect(decide([drafted, approved, paidL1], results(paid))).toEqual([]);
    expect(() =>
      decide([drafted, approved, paidL1], results({ lineId: 'l1', status: 'failed', reason: 'x' })),
    ).toThrow(Conflict);
  });

  it('settles when every line has a result, and needs an approved batch', () => {
    const failedL2 = { lineId: 'l2', status: 'failed', reason: 'Konto stengt' };
    expect(decide([drafted, approved, paidL1], results(failedL2))).toEqual([
      {
        type: 'PaymentResultsRecorded',
        data: {
          batchId: 'b1',
          results: [{ lineId: 'l2', status: 'failed', reference: null, reason: 'Konto stengt' }],
        },
      },
      { type: 'PayoutBatchSettled', data: { batchId: 'b1' } },
    ]);
    expect(() => decide([drafted], results({ lineId: 'l1', status: 'paid', reference: 'r' }))).toThrow(
      Conflict,
    );
  });

  it('names the field of each bad result', () => {
    try {
      decide(
        [drafted, approved],
        results({ lineId: 'l1', status: 'paid' }, { lineId: 'nope', status: 'lost' }),
      );
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).errors.map((e) => e.field)).toEqual([
        'results[0].reference',
        'results[1].lineId',
        'results[1].status',
      ]);
    }
  });
});

describe('owed lines over the claim ledger', () => {
  const entitled = (amountOre: number, over: Partial<Entitlement> = {}): Entitlement => {
    const { lineId: _l, adjustsLineId: _a, ...rest } = line('x', amountOre, over);
    return rest;
  };
  const ids = (key: string) => `new|${key}`;

  it('makes a failed line payable again, as a fresh line (not an adjustment)', () => {
    const ledger = new ClaimLedger();
    [drafted, approved, paidL1].forEach((e, i) => ledger.apply(e, i + 1));
    ledger.apply(
      {
        type: 'PaymentResultsRecorded',
        data: { batchId: 'b1', results: [{ lineId: 'l2', status: 'failed', reference: null, reason: 'x' }] },
      },
      4,
    );
    const owed = owedLines(
      [
        {
          involvementId: 'i1',
          entitlements: [entitled(114400), entitled(29400, { kind: 'mileage', taxable: false })],
        },
      ],
      ledger.claimingByKey(),
      ids,
    );
    expect(owed).toEqual([
      expect.objectContaining({ kind: 'mileage', amountOre: 29400, adjustsLineId: null }),
    ]);
  });

  it('owes the difference of a correction as an adjustment of the paid line, positive or negative', () => {
    const ledger = new ClaimLedger();
    [drafted, approved, paidL1].forEach((e, i) => ledger.apply(e, i + 1));
    const evaluated = (meeting: number) => [
      {
        involvementId: 'i1',
        entitlements: [entitled(meeting), entitled(29400, { kind: 'mileage', taxable: false })],
      },
    ];
    expect(owedLines(evaluated(130000), ledger.claimingByKey(), ids)).toEqual([
      expect.objectContaining({ kind: 'meeting', amountOre: 15600, adjustsLineId: 'l1' }),
    ]);
    expect(owedLines(evaluated(100000), ledger.claimingByKey(), ids)).toEqual([
      expect.objectContaining({ kind: 'meeting', amountOre: -14400, adjustsLineId: 'l1' }),
    ]);
    // Voided: nothing is entitled, every claimed amount is taken back.
    expect(owedLines([{ involvementId: 'i1', entitlements: [] }], ledger.claimingByKey(), ids)).toEqual([
      expect.objectContaining({ kind: 'meeting', amountOre: -114400, adjustsLineId: 'l1' }),
      expect.objectContaining({ kind: 'mileage', amountOre: -29400, adjustsLineId: 'l2' }),
    ]);
    // Involvements not evaluated (another organisation, a later period) are left alone.
    expect(owedLines([], ledger.claimingByKey(), ids)).toEqual([]);
  });

  it('frees the amounts of a cancelled batch', () => {
    const ledger = new ClaimLedger();
    ledger.apply(drafted, 1);
    ledger.apply({ type: 'PayoutBatchCancelled', data: { batchId: 'b1', cancelledBy: 'f', reason: 'r' } }, 2);
    expect(ledger.claimingByKey().size).toBe(0);
  });
});

describe('PayoutBatch decider: a batch moves at most 50 000 000 kr (issue 12, item 4)', () => {
  const draftOf = (lines: PayoutLine[]): PayoutBatchCommand => ({
    type: 'DraftPayoutBatch',
    data: { batchId: 'b2', periodEnd: '2025-05-31', organizationId: null, createdBy: 'frode', lines },
  });
  const bound = 5_000_000_000;

  it('at the bound: drafted, with the exact total', () => {
    const events = decide([], draftOf([line('a', bound - 100), line('b', 100)]));
    expect(events[0]).toMatchObject({ type: 'PayoutBatchDrafted', data: { totalOre: bound } });
  });

  it('one øre over, counting reclaimed (negative) amounts too: 422 batch-over-bound', () => {
    for (const lines of [
      [line('a', bound), line('b', 1)],
      [line('a', bound), line('b', -1)],
      [line('a', Number.MAX_SAFE_INTEGER), line('b', 45000)],
    ]) {
      const refusal = (() => {
        try {
          decide([], draftOf(lines));
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(RuleViolation);
      expect((refusal as RuleViolation).rule).toBe('batch-over-bound');
    }
  });

  it('a draft made before the bound existed is not approved', () => {
    const huge = line('h', Number.MAX_SAFE_INTEGER);
    const old: PayoutBatchEvent = {
      type: 'PayoutBatchDrafted',
      data: { ...drafted.data, lines: [huge, L1], totalOre: Number.MAX_SAFE_INTEGER },
    };
    expect(() => decide([old], { type: 'ApprovePayoutBatch', data: { approvedBy: 'fiona' } })).toThrow(
      /50 000 000 kr/,
    );
  });
});
