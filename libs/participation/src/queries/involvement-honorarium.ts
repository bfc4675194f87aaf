import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  calculateHonorarium,
  GuidelineCatalogue,
  guidelineForDay,
  type HonorariumCalculation,
  type Involvement,
} from '@app/honorarium';
import { EventSourcedRepository } from '../application/event-sourced-repository';
import { streams } from '../application/streams';
import {
  involvementDecider,
  meetingDecider,
  type AppointmentRole,
  type GatheringDecisions,
  type RecordedInvolvement,
} from '../domain';
import { sameDayRows } from '../read-models/involvement-summaries/same-day-rows';
import { noGuidelineInForce, unpricedBecause, type InvolvementHonorariumView } from './unpriced-honorarium';

/**
 * The calculator's view of a logged involvement (the paying fields only). An
 * involvement in a user gathering meeting is paid by the meeting's two
 * decisions, the same for everyone in it, never by a flag of its own.
 */
export function toCalculatorInput(
  i: RecordedInvolvement,
  gatheringDecisions: GatheringDecisions | null = null,
): Involvement {
  const byMeeting = gatheringDecisions !== null && i.form === 'user-gathering';
  return {
    form: i.form,
    occurredOn: i.occurredOn,
    attendance: i.attendance,
    hours: i.hours,
    expenses: i.expenses.map((e) => {
      switch (e.kind) {
        case 'mileage':
          return { kind: 'mileage', km: e.km };
        case 'meals':
          return { kind: 'meals', tripHours: e.tripHours, overnight: e.overnight, km: e.distanceKm ?? 0 };
        case 'ticket':
        case 'lodging':
        case 'other':
          return {
            kind: e.kind,
            amountOre: e.amountOre,
            ...(e.receiptRef ? { receiptRef: e.receiptRef } : {}),
          };
      }
    }),
    ...(i.lostIncome && i.lostIncome.amountOre !== null
      ? { lostIncome: { documented: i.lostIncome.documented, amountOre: i.lostIncome.amountOre } }
      : {}),
    ...(i.honorariumDecision && !byMeeting ? { honorariumDecision: i.honorariumDecision } : {}),
    ...(byMeeting ? { gatheringDecisions } : {}),
    ...(i.waiver ? { waived: true } : {}),
  };
}

type SameDay = {
  earlier: Array<{ orderKey: string; involvement: Involvement; role: AppointmentRole | null }>;
  ownKey: string | undefined;
};

/**
 * The `honorarium` block of an involvement: priced by the project region's
 * guideline version in force on the day, with the participant's other
 * involvements that day (in logging order) so daily caps hold across them.
 */
@Injectable()
export class InvolvementHonorarium {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly db: DataSource,
    private readonly guidelines: GuidelineCatalogue,
  ) {}

  /**
   * `lastChangedAt`: the log position where the involvement was last logged or
   * corrected; only guideline versions published before it count, so a later
   * publication never changes this calculation. A day none of those covered is
   * priced by the first publication that covers it, and until then the answer
   * says `no-guideline-in-force` (guidelineForDay). Null only when voided.
   * `asOf`: a read of the past sees only the versions published by then.
   */
  async calculate(
    involvement: RecordedInvolvement,
    region: string,
    lastChangedAt: number,
    asOf?: Date,
  ): Promise<InvolvementHonorariumView | null> {
    if (involvement.status === 'voided') return null;
    const versions = (await this.guidelines.versionsOf(region)).filter(
      (v) => asOf === undefined || v.publishedAt === null || Date.parse(v.publishedAt) <= asOf.getTime(),
    );
    const inForce = guidelineForDay(versions, involvement.occurredOn, lastChangedAt);
    if (inForce.guideline === null)
      return noGuidelineInForce(
        involvement.involvementId,
        involvement.occurredOn,
        region,
        inForce.firstEffectiveFrom,
      );
    const { guideline } = inForce;
    const others = await this.sameDay(involvement);
    const decisions = await this.gatheringDecisionsOf(involvement);
    const price = (earlier: SameDay['earlier']): HonorariumCalculation =>
      calculateHonorarium({
        guideline,
        involvement: toCalculatorInput(involvement, decisions),
        role: involvement.appointment?.role ?? null,
        otherInvolvementsSameDay: earlier,
        orderKey: others.ownKey,
      });
    try {
      return price(others.earlier);
    } catch (error) {
      // Alone, the involvement itself may be what cannot be priced; if it can, an unpriceable
      // other of the same day takes no part in the daily caps rather than block this one.
      try {
        price([]);
      } catch (alone) {
        return unpricedBecause(involvement.involvementId, alone);
      }
      const priceable = others.earlier.filter((other) => {
        try {
          calculateHonorarium({ guideline, involvement: other.involvement, role: other.role });
          return true;
        } catch {
          return false;
        }
      });
      try {
        return price(priceable);
      } catch {
        return unpricedBecause(involvement.involvementId, error);
      }
    }
  }

  /** The decisions of the gathering meeting the involvement belongs to; null when it belongs to none. */
  private async gatheringDecisionsOf(involvement: RecordedInvolvement): Promise<GatheringDecisions | null> {
    if (involvement.meetingId === undefined) return null;
    const meeting = (await this.repository.load(streams.meeting(involvement.meetingId), meetingDecider))
      .state;
    return meeting.status === 'none' ? null : meeting.gatheringDecisions;
  }

  private async sameDay(involvement: RecordedInvolvement): Promise<SameDay> {
    const rows = await sameDayRows(this.db, involvement.participantId, involvement.occurredOn);
    const key = (r: { involvement_id: string; logged_at: Date }) =>
      `${r.logged_at.toISOString()}|${r.involvement_id}`;
    const own = rows.find((r) => r.involvement_id === involvement.involvementId);
    const loaded = await Promise.all(
      rows
        .filter((r) => r.involvement_id !== involvement.involvementId)
        .map(async (r) => ({
          r,
          state: (await this.repository.load(streams.involvement(r.involvement_id), involvementDecider))
            .state,
        })),
    );
    const earlier = [];
    for (const { r, state } of loaded)
      if (state.status === 'logged' && state.occurredOn === involvement.occurredOn)
        earlier.push({
          orderKey: key(r),
          involvement: toCalculatorInput(state, await this.gatheringDecisionsOf(state)),
          role: state.appointment?.role ?? null,
        });
    return { earlier, ownKey: own ? key(own) : undefined };
  }
}
