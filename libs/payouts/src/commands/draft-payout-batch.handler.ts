import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DisputedInvolvements,
  EventSourcedRepository,
  PricedInvolvementQueries,
  type CommandMeta,
  type UnpricedEntry,
} from '@app/participation';
import {
  boundInKroner,
  PRICING_BOUNDS,
  RuleViolation,
  ValidationFailed,
  type FieldError,
  type Ore,
} from '@app/shared-kernel';
import {
  decidePayoutBatch,
  PAYOUT_RULES,
  payoutBatchDecider,
  payoutBatchStream,
  withinBatchBound,
  type HeldBackInvolvement,
  type LeftForNextBatch,
} from '../domain';
import { DraftSerializer } from '../application/draft-serializer';
import { WhatIsOwed } from '../application/what-is-owed';
import { lineIdFor, newBatchId } from './batch-id';

export class DraftPayoutBatchCommand {
  constructor(
    readonly input: { periodEnd?: unknown; organizationId?: unknown },
    readonly meta: CommandMeta,
  ) {}
}

export interface DraftedBatch {
  id: string;
  lineCount: number;
  totalOre: Ore;
  /** Involvements up to the period end that could not be priced, so hold no line in this batch. */
  unpriced: UnpricedEntry[];
  /** What is owed up to the period end but did not fit under the batch bound: the next draft takes it. */
  leftForNextBatch: LeftForNextBatch;
  /** Involvements whose participant disputes them: no line until the lead corrects or they confirm. */
  heldBack: HeldBackInvolvement[];
}

const NOTHING_LEFT: LeftForNextBatch = { lineCount: 0, involvementCount: 0, totalOre: 0 };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Drafts a batch of everything owed up to the period end. Once the
 * priced-involvement read model holds the log as it was when the draft was
 * asked for, one draft at a time (DraftSerializer): what is owed is priced
 * lines minus claimed lines, in SQL (WhatIsOwed), with the claims as of the
 * head of the log, and the batch is appended before the next draft may look.
 * 422 when nothing is owed.
 * A batch takes the oldest owed involvements up to the batch bound and says
 * what it left for the next (docs/adr/0015).
 */
@CommandHandler(DraftPayoutBatchCommand)
export class DraftPayoutBatchHandler implements ICommandHandler<DraftPayoutBatchCommand, DraftedBatch> {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly priced: PricedInvolvementQueries,
    private readonly serializer: DraftSerializer,
    private readonly owed: WhatIsOwed,
    private readonly disputes: DisputedInvolvements,
  ) {}

  async execute({ input, meta }: DraftPayoutBatchCommand): Promise<DraftedBatch> {
    const { periodEnd, organizationId } = parse(input);
    const batchId = newBatchId(meta);
    const stream = payoutBatchStream(batchId);
    if (meta.idempotencyKey) {
      const earlier = await this.repository.load(stream, payoutBatchDecider);
      if (earlier.state.status !== 'none')
        return {
          id: batchId,
          lineCount: earlier.state.lines.length,
          totalOre: earlier.state.totalOre,
          unpriced: [],
          leftForNextBatch: NOTHING_LEFT,
          heldBack: [],
        };
    }
    await this.priced.whenCaughtUp();
    return this.serializer.exclusively(async (client) => {
      // Disputes as they stand at the head of the log: one disputed a moment ago is held back too.
      const disputes = await this.disputes.atHead(client);
      const {
        lines: owed,
        unpriced,
        heldBack,
      } = await this.owed.upTo(client, {
        periodEnd,
        organizationId,
        lineIdFor: (key) => lineIdFor(batchId, key),
        disputes,
      });
      // Oldest involvements first, whole, up to the batch bound; the rest stays owed for the next draft.
      const { taken: lines, left, overBoundAlone } = withinBatchBound(owed);
      if (overBoundAlone)
        throw new RuleViolation(
          PAYOUT_RULES.batchOverBound,
          `Involvement ${overBoundAlone.involvementId} alone would move more than ${boundInKroner(
            PRICING_BOUNDS.batchOre,
          )}, the most one batch may pay; correct it, then draft again`,
          { involvementId: overBoundAlone.involvementId },
        );
      if (lines.length === 0 && unpriced.length > 0)
        throw new RuleViolation(
          PAYOUT_RULES.nothingPayable,
          `Nothing is payable up to ${periodEnd}; ${unpriced.length} involvement(s) cannot be priced: ${unpriced
            .slice(0, 20)
            .map((u) => u.reason)
            .join('; ')}`,
          { unpriced, heldBack },
        );
      if (lines.length === 0 && heldBack.length > 0)
        throw new RuleViolation(
          PAYOUT_RULES.nothingPayable,
          `Nothing is payable up to ${periodEnd}; ${heldBack.length} involvement(s) are held back while their participant disputes them`,
          { heldBack },
        );
      const { events } = await this.repository.execute(
        stream,
        payoutBatchDecider,
        (state) =>
          decidePayoutBatch(
            {
              type: 'DraftPayoutBatch',
              data: { batchId, periodEnd, organizationId, createdBy: meta.actor, lines },
            },
            state,
          ),
        { ...meta, ifMatch: undefined },
      );
      const drafted = events.find((e) => e.type === 'PayoutBatchDrafted');
      const totalOre = drafted?.type === 'PayoutBatchDrafted' ? drafted.data.totalOre : 0;
      return { id: batchId, lineCount: lines.length, totalOre, unpriced, leftForNextBatch: left, heldBack };
    });
  }
}

function parse(input: { periodEnd?: unknown; organizationId?: unknown }) {
  const errors: FieldError[] = [];
  const { periodEnd, organizationId } = input;
  if (typeof periodEnd !== 'string' || !DATE.test(periodEnd) || !isCalendarDate(periodEnd))
    errors.push({ field: 'periodEnd', message: 'must be a date YYYY-MM-DD' });
  if (
    organizationId !== undefined &&
    organizationId !== null &&
    (typeof organizationId !== 'string' || organizationId.trim() === '' || organizationId.length > 100)
  )
    errors.push({ field: 'organizationId', message: 'must be an organisation id (1 to 100 characters)' });
  if (errors.length > 0) throw new ValidationFailed(errors);
  return {
    periodEnd: periodEnd as string,
    organizationId: typeof organizationId === 'string' ? organizationId.trim() : null,
  };
}

function isCalendarDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
