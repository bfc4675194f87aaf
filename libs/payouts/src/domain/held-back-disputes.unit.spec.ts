import { holdBackDisputed } from './held-back-disputes';

describe('holdBackDisputed', () => {
  const evaluated = ['i-1', 'i-2', 'i-3'].map((involvementId) => ({ involvementId, entitlements: [] }));
  const dispute = {
    involvementId: 'i-2',
    participantId: 'u-1',
    concerns: ['hours'],
    disputedAt: '2025-05-01T10:00:00.000Z',
  };

  it('leaves out the involvements with an open dispute and names them with the reason code', () => {
    const { payable, heldBack } = holdBackDisputed(evaluated, new Map([['i-2', dispute]]));
    expect(payable.map((e) => e.involvementId)).toEqual(['i-1', 'i-3']);
    expect(heldBack).toEqual([{ ...dispute, reason: 'disputed-by-participant' }]);
  });

  it('ignores disputes of involvements the draft does not evaluate', () => {
    const { payable, heldBack } = holdBackDisputed(
      evaluated,
      new Map([['i-9', { ...dispute, involvementId: 'i-9' }]]),
    );
    expect(payable).toHaveLength(3);
    expect(heldBack).toEqual([]);
  });
});
