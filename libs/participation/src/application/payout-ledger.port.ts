/** A payout line of one involvement, as the payouts context records it. */
export interface PayoutLineView {
  lineId: string;
  batchId: string;
  involvementId: string;
  occurredOn: string;
  kind: string;
  amountOre: number;
  taxable: boolean;
  incomeType: string;
  adjustsLineId: string | null;
  status: 'draft' | 'approved' | 'paid' | 'failed' | 'cancelled';
  reference: string | null;
}

/**
 * What participation needs to know about payouts: the participant ledger's
 * batched and paid lines, an involvement's `payout`, and whether forgetting a
 * person must wait for a payment. The payouts context builds on participation,
 * so it provides this port (docs/adr/0005) rather than participation reading
 * its tables.
 */
export interface PayoutLedger {
  /** Every line of the participant, oldest batch first. */
  ofParticipant(participantId: string): Promise<PayoutLineView[]>;
  /** The involvement's latest line not cancelled with its batch. */
  payoutOf(involvementId: string): Promise<{ batchId: string; status: string } | null>;
  /** Lines of approved batches still waiting for a payment result. */
  approvedAwaitingPayment(participantId: string): Promise<number>;
}

export const PAYOUT_LEDGER = Symbol('PayoutLedger');
