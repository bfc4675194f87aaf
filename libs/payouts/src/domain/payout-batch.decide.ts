import {
  boundInKroner,
  Conflict,
  Forbidden,
  PRICING_BOUNDS,
  NotFound,
  refuseNationalIdsInFreeText,
  RuleViolation,
  sumOre,
  ValidationFailed,
  type FieldError,
} from '@app/shared-kernel';
import type {
  ApprovePayoutBatch,
  CancelPayoutBatch,
  DraftPayoutBatch,
  PayoutBatchCommand,
  RecordPaymentResults,
} from './payout-batch.commands';
import type { PaymentResult, PayoutBatchEvent } from './payout-batch.events';
import type { ExistingBatch, PayoutBatchState } from './payout-batch.state';

/** Stable rule codes (HTTP 422). */
export const PAYOUT_RULES = {
  nothingPayable: 'nothing-payable',
  batchOverBound: 'batch-over-bound',
} as const;

const MAX_TEXT = 500;

export function decidePayoutBatch(command: PayoutBatchCommand, state: PayoutBatchState): PayoutBatchEvent[] {
  switch (command.type) {
    case 'DraftPayoutBatch':
      return draft(command, state);
    case 'ApprovePayoutBatch':
      return approve(command, existing(state));
    case 'CancelPayoutBatch':
      return cancel(command, existing(state));
    case 'RecordPaymentResults':
      return recordResults(command, existing(state));
  }
}

function existing(state: PayoutBatchState): ExistingBatch {
  if (state.status === 'none') throw new NotFound('PayoutBatch', 'unknown');
  return state;
}

function draft({ data }: DraftPayoutBatch, state: PayoutBatchState): PayoutBatchEvent[] {
  if (state.status !== 'none') throw new Conflict(`Payout batch ${data.batchId} exists already`);
  if (data.lines.length === 0)
    throw new RuleViolation(
      PAYOUT_RULES.nothingPayable,
      `Nothing is payable up to ${data.periodEnd}: every entitled amount is already in a batch or paid`,
    );
  refuseBeyondBound(data.lines, `Payout batch ${data.batchId}`);
  return [
    {
      type: 'PayoutBatchDrafted',
      data: { ...data, totalOre: sumOre(data.lines.map((l) => l.amountOre)) },
    },
  ];
}

/**
 * A batch moves at most PRICING_BOUNDS.batchOre: the sum of its lines'
 * absolute amounts (payments and reclaimed adjustments alike). Every total
 * made of its lines (taxable, tax-free, all) is then an exact integer.
 */
export function refuseBeyondBound(lines: readonly { amountOre: number }[], what: string): void {
  let moved = 0;
  for (const line of lines) {
    moved += Number.isSafeInteger(line.amountOre) ? Math.abs(line.amountOre) : Infinity;
    if (moved > PRICING_BOUNDS.batchOre)
      throw new RuleViolation(
        PAYOUT_RULES.batchOverBound,
        `${what} would move more than ${boundInKroner(PRICING_BOUNDS.batchOre)}, the most one batch may pay; draft per organisation or for a shorter period`,
      );
  }
}

function approve({ data }: ApprovePayoutBatch, batch: ExistingBatch): PayoutBatchEvent[] {
  if (batch.status !== 'draft')
    throw new Conflict(`Payout batch ${batch.batchId} is ${batch.status}; only a draft can be approved`);
  // A draft made before the bound existed is never sent for payment: cancel it and draft again.
  refuseBeyondBound(batch.lines, `Payout batch ${batch.batchId}`);
  // Four eyes: the person who drafted a batch never approves it.
  if (data.approvedBy === batch.createdBy)
    throw new Forbidden(
      `Payout batch ${batch.batchId} must be approved by a finance user other than its creator`,
    );
  return [
    {
      type: 'PayoutBatchApproved',
      data: {
        batchId: batch.batchId,
        approvedBy: data.approvedBy,
        lines: [...batch.lines],
        totalOre: batch.totalOre,
      },
    },
  ];
}

function cancel({ data }: CancelPayoutBatch, batch: ExistingBatch): PayoutBatchEvent[] {
  const reason = typeof data.reason === 'string' ? data.reason.trim() : '';
  if (reason === '' || reason.length > MAX_TEXT)
    throw new ValidationFailed([
      { field: 'reason', message: `must be a text of 1 to ${MAX_TEXT} characters` },
    ]);
  refuseNationalIdsInFreeText({ reason });
  if (batch.status === 'cancelled') return [];
  const paid = Object.values(batch.results).filter((r) => r.status === 'paid').length;
  if (paid > 0)
    throw new Conflict(`Payout batch ${batch.batchId} cannot be cancelled: ${paid} line(s) are paid already`);
  if (batch.status === 'settled')
    throw new Conflict(`Payout batch ${batch.batchId} is settled; there is nothing left to cancel`);
  return [
    { type: 'PayoutBatchCancelled', data: { batchId: batch.batchId, cancelledBy: data.cancelledBy, reason } },
  ];
}

/**
 * Records each line's final result once. A repeat of a recorded result changes
 * nothing (no event); a different result for a line that has one is refused,
 * because a failed line may already be owed again in a later batch.
 */
function recordResults({ data }: RecordPaymentResults, batch: ExistingBatch): PayoutBatchEvent[] {
  const results = parseResults(data.results, batch);
  const fresh: PaymentResult[] = [];
  for (const result of results) {
    const earlier = batch.results[result.lineId] ?? fresh.find((r) => r.lineId === result.lineId);
    if (!earlier) {
      fresh.push(result);
      continue;
    }
    if (earlier.status !== result.status)
      throw new Conflict(
        `Line ${result.lineId} is recorded as ${earlier.status} already; a final result is never changed`,
      );
  }
  if (fresh.length === 0) return [];
  if (batch.status !== 'approved')
    throw new Conflict(
      `Payout batch ${batch.batchId} is ${batch.status}; payment results need an approved batch`,
    );
  const events: PayoutBatchEvent[] = [
    { type: 'PaymentResultsRecorded', data: { batchId: batch.batchId, results: fresh } },
  ];
  const resolved = new Set([...Object.keys(batch.results), ...fresh.map((r) => r.lineId)]);
  if (batch.lines.every((l) => resolved.has(l.lineId)))
    events.push({ type: 'PayoutBatchSettled', data: { batchId: batch.batchId } });
  return events;
}

function parseResults(input: unknown, batch: ExistingBatch): PaymentResult[] {
  if (!Array.isArray(input) || input.length === 0)
    throw new ValidationFailed([{ field: 'results', message: 'must be a non-empty list of line results' }]);
  const errors: FieldError[] = [];
  const known = new Set(batch.lines.map((l) => l.lineId));
  const parsed = input.map((raw: unknown, i): PaymentResult => {
    const at = (field: string) => `results[${i}].${field}`;
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const text = (v: unknown) =>
      typeof v === 'string' && v.trim() !== '' && v.length <= MAX_TEXT ? v.trim() : null;
    if (typeof r.lineId !== 'string' || !known.has(r.lineId))
      errors.push({ field: at('lineId'), message: `must be the id of a line of batch ${batch.batchId}` });
    if (r.status !== 'paid' && r.status !== 'failed')
      errors.push({ field: at('status'), message: 'must be paid or failed' });
    const reference = r.reference === undefined || r.reference === null ? null : text(r.reference);
    const reason = r.reason === undefined || r.reason === null ? null : text(r.reason);
    if (r.status === 'paid' && reference === null)
      errors.push({
        field: at('reference'),
        message: `a paid line needs the payment reference (1 to ${MAX_TEXT} characters)`,
      });
    if (r.status === 'failed' && reason === null)
      errors.push({
        field: at('reason'),
        message: `a failed line needs the reason (1 to ${MAX_TEXT} characters)`,
      });
    return {
      lineId: String(r.lineId),
      status: r.status === 'paid' ? 'paid' : 'failed',
      reference: r.status === 'paid' ? reference : null,
      reason: r.status === 'failed' ? reason : null,
    };
  });
  if (errors.length > 0) throw new ValidationFailed(errors);
  // A failure reason is free text; a payment reference (often a KID number of digits) is not.
  parsed.forEach((result, i) => refuseNationalIdsInFreeText({ [`results[${i}].reason`]: result.reason }));
  return parsed;
}
