import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GuidelineCatalogue, type Involvement } from '@app/honorarium';
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
import { priceInvolvement } from '../pricing/price-involvement';
import type { InvolvementHonorariumView } from './unpriced-honorarium';

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
 * An involvement priced from the log itself (its stream, the catalogue, the
 * person's other involvements that day), by the same `priceInvolvement` the
 * priced-involvement read model uses: for reads of the past (`asOf`), for a
 * read the read model cannot answer in time, and as the oracle the read model
 * is tested against.
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
    const others = await this.sameDay(involvement);
    const decisions = await this.gatheringDecisionsOf(involvement);
    return priceInvolvement({
      involvementId: involvement.involvementId,
      status: involvement.status,
      involvement: toCalculatorInput(involvement, decisions),
      role: involvement.appointment?.role ?? null,
      region,
      changedAt: lastChangedAt,
      versions,
      sameDay: others.earlier,
      ownKey: others.ownKey,
    });
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
