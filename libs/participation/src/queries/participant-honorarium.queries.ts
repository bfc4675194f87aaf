import { Inject, Injectable } from '@nestjs/common';
import { NotFound, sumOre, ValidationFailed } from '@app/shared-kernel';
import { EventSourcedRepository } from '../application/event-sourced-repository';
import { streams } from '../application/streams';
import { participantDecider } from '../domain';
import { PricedInvolvementQueries } from './priced-involvement.queries';
import { PAYOUT_LEDGER, type PayoutLedger, type PayoutLineView } from '../application/payout-ledger.port';
import { isUnpriced, pricedLines, unpricedEntry } from './unpriced-honorarium';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A participant's honorarium ledger: every involvement in the period as the
 * priced-involvement read model holds it (what GET /v1/involvements/{id} answers), against the payout lines that already
 * hold part of it. Per involvement, line kind and tax split: lines in a draft
 * or approved batch are `batched`, paid ones `paid`; what is not yet in a
 * batch is `accrued`: the calculation's own lines while nothing was batched,
 * otherwise one adjustment line (entitlement minus batched and paid, positive
 * or negative). Failed and cancelled lines hold nothing. accrued + batched +
 * paid = what the involvements entitle to now.
 */
@Injectable()
export class ParticipantHonorariumQueries {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly priced: PricedInvolvementQueries,
    @Inject(PAYOUT_LEDGER) private readonly payouts: PayoutLedger,
  ) {}

  /** 404 for a participant never registered. */
  async assertRegistered(participantId: string): Promise<void> {
    const participant = await this.repository.load(streams.participant(participantId), participantDecider);
    if (participant.state.status === 'unregistered') throw new NotFound('Participant', participantId);
  }

  async forParticipant(participantId: string, from?: string, to?: string) {
    const errors = [
      ...(from !== undefined && !DATE.test(from)
        ? [{ field: 'from', message: 'must be a date YYYY-MM-DD' }]
        : []),
      ...(to !== undefined && !DATE.test(to) ? [{ field: 'to', message: 'must be a date YYYY-MM-DD' }] : []),
    ];
    if (errors.length > 0) throw new ValidationFailed(errors);
    await this.assertRegistered(participantId);
    await this.priced.whenCaughtUp();
    const [priced, payoutLines] = await Promise.all([
      this.priced.ofParticipant(participantId, from ?? null, to ?? null),
      this.payouts.ofParticipant(participantId),
    ]);
    const linesOf = new Map<string, PayoutLineView[]>();
    for (const line of payoutLines) {
      const held = linesOf.get(line.involvementId);
      if (held) held.push(line);
      else linesOf.set(line.involvementId, [line]);
    }
    // Grouped once: a filter per involvement cost the person's involvements times their payout lines.
    const lines = priced.flatMap((i) => ledgerLines(i, linesOf.get(i.id) ?? []));
    const total = (status: string) =>
      sumOre(lines.filter((l) => l.status === status).map((l) => l.amountOre));
    return {
      participantId,
      from: from ?? null,
      to: to ?? null,
      accruedOre: total('accrued'),
      batchedOre: total('batched'),
      paidOre: total('paid'),
      lines,
      /**
       * Involvements that cannot be priced (out of bounds, or no guideline in force on the day): nothing
       * accrues for them until they are corrected or a guideline covering the day is published.
       */
      unpriced: priced.flatMap((i) =>
        i.status === 'logged' && isUnpriced(i.honorarium) ? [unpricedEntry(i.honorarium)] : [],
      ),
    };
  }
}

type PricedInvolvement = Awaited<ReturnType<PricedInvolvementQueries['ofParticipant']>>[number];

const guidelineOf = (i: PricedInvolvement) =>
  i.honorarium && !isUnpriced(i.honorarium) ? i.honorarium.guideline : undefined;

const keyOf = (l: { kind: string; taxable: boolean }) => `${l.kind}|${l.taxable}`;

function ledgerLines(i: PricedInvolvement, payoutLines: PayoutLineView[]) {
  const holding = payoutLines.filter(
    (l) => l.status === 'draft' || l.status === 'approved' || l.status === 'paid',
  );
  const calculated = i.status === 'logged' ? pricedLines(i.honorarium) : [];
  const held = holding.map((l) => ({
    involvementId: i.id,
    occurredOn: i.occurredOn,
    lineId: l.lineId,
    batchId: l.batchId,
    kind: l.kind,
    amountOre: l.amountOre,
    taxable: l.taxable,
    incomeType: l.incomeType,
    adjustment: l.adjustsLineId !== null,
    adjustsLineId: l.adjustsLineId,
    reference: l.reference,
    status: l.status === 'paid' ? ('paid' as const) : ('batched' as const),
  }));
  const heldKeys = new Set(holding.map(keyOf));
  const untouched = calculated
    .filter((line) => !heldKeys.has(keyOf(line)))
    .map((line) => ({
      involvementId: i.id,
      occurredOn: i.occurredOn,
      guideline: guidelineOf(i),
      status: 'accrued' as const,
      adjustment: false,
      ...line,
    }));
  // Unpriced: what is held stays as it is; no adjustment pretends the entitlement is now zero.
  const adjustable = i.status === 'logged' && isUnpriced(i.honorarium) ? [] : [...heldKeys];
  const adjustments = adjustable.flatMap((key) => {
    const lines = holding.filter((l) => keyOf(l) === key);
    const entitled = sumOre(calculated.filter((c) => keyOf(c) === key).map((c) => c.amountOre));
    const owed = entitled - sumOre(lines.map((l) => l.amountOre));
    const latest = lines[lines.length - 1];
    if (owed === 0) return [];
    return [
      {
        involvementId: i.id,
        occurredOn: i.occurredOn,
        guideline: guidelineOf(i),
        status: 'accrued' as const,
        adjustment: true,
        adjustsLineId: latest.lineId,
        kind: latest.kind,
        amountOre: owed,
        taxable: latest.taxable,
        incomeType: latest.incomeType,
      },
    ];
  });
  return [...held, ...untouched, ...adjustments];
}
