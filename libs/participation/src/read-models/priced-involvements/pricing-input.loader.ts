import { shippedVersionsOf, type Guideline, type VersionAtPosition } from '@app/honorarium';
import type { GatheringDecisions, RecordedInvolvement } from '../../domain';
import type { PricingInputs } from '../../pricing/price-involvement';
import { toCalculatorInput } from '../../queries/involvement-honorarium';
import type { Queryable } from '../involvement-summaries/same-day-rows';

/** An involvement's paying state as the read model keeps it: no free text, no evidence. */
export type PricingDetails = Omit<
  RecordedInvolvement,
  'status' | 'involvementId' | 'projectId' | 'participantId' | 'evidence' | 'corrections' | 'topic'
>;

/** A row of `priced_involvements`' input columns, as PostgreSQL returns them. */
export interface PricingRow {
  involvement_id: string;
  project_id: string;
  participant_id: string;
  occurred_on: string;
  logged_at: Date;
  status: 'logged' | 'voided';
  changed_at: string;
  details: PricingDetails;
}

/** The state the involvement decider folds, rebuilt from a row (topic and evidence play no part in a price). */
export function recordedOf(row: PricingRow): RecordedInvolvement {
  return {
    ...row.details,
    status: row.status,
    involvementId: row.involvement_id,
    projectId: row.project_id,
    participantId: row.participant_id,
    evidence: [],
    corrections: 0,
    topic: null,
  };
}

const orderKey = (row: Pick<PricingRow, 'logged_at' | 'involvement_id'>) =>
  `${new Date(row.logged_at).toISOString()}|${row.involvement_id}`;

/**
 * THE loader of pricing inputs for the priced-involvement read model: for
 * each involvement, its paying fields and role, its project's region, that
 * region's guideline versions (shipped and published, with log positions) and
 * the person's other logged involvements that day in logging order (daily
 * caps), each with the gathering decisions of the meeting it names (as
 * InvolvementHonorarium passes them). Reads only the projection's own input
 * tables, in the projection's transaction, so a price depends on nothing past
 * the events applied so far. Four statements for any number of involvements. `null`: the involvement's
 * project is unknown (nothing to price it by).
 */
export class PricingInputLoader {
  async load(db: Queryable, involvementIds: readonly string[]): Promise<Map<string, PricingInputs | null>> {
    const inputs = new Map<string, PricingInputs | null>();
    if (involvementIds.length === 0) return inputs;
    const rows = (await db.query(
      `SELECT i.involvement_id, i.project_id, i.participant_id, i.occurred_on, i.logged_at, i.status, i.changed_at,
              i.details, p.region
       FROM priced_involvements i LEFT JOIN priced_projects p ON p.project_id = i.project_id
       WHERE i.involvement_id = ANY($1)`,
      [involvementIds],
    )) as Array<PricingRow & { region: string | null }>;
    const days = (await db.query(
      `SELECT involvement_id, project_id, participant_id, occurred_on, logged_at, status, changed_at, details
       FROM priced_involvements
       WHERE status = 'logged' AND (participant_id, occurred_on) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       ORDER BY logged_at, involvement_id`,
      [rows.map((r) => r.participant_id), rows.map((r) => r.occurred_on)],
    )) as PricingRow[];
    const regions = [...new Set(rows.flatMap((r) => (r.region === null ? [] : [r.region])))];
    const published = (await db.query(
      `SELECT region, position, guideline FROM priced_guideline_versions WHERE region = ANY($1)`,
      [regions],
    )) as Array<{ region: string; position: string; guideline: Guideline }>;
    const versionsOf = new Map(regions.map((region) => [region, versionsOfRegion(region, published)]));
    const meetingIds = [...new Set([...rows, ...days].flatMap((r) => r.details.meetingId ?? []))];
    const meetings = (
      meetingIds.length === 0
        ? []
        : await db.query(
            `SELECT meeting_id, gathering_decisions FROM priced_meetings WHERE meeting_id = ANY($1)`,
            [meetingIds],
          )
    ) as Array<{ meeting_id: string; gathering_decisions: GatheringDecisions | null }>;
    const decisionsOfMeeting = new Map(meetings.map((m) => [m.meeting_id, m.gathering_decisions]));
    const decisionsOf = (i: RecordedInvolvement): GatheringDecisions | null =>
      i.meetingId === undefined ? null : (decisionsOfMeeting.get(i.meetingId) ?? null);
    const dayOf = new Map<string, PricingRow[]>();
    for (const row of days) {
      const key = `${row.participant_id}|${row.occurred_on}`;
      dayOf.set(key, [...(dayOf.get(key) ?? []), row]);
    }
    for (const row of rows) {
      if (row.region === null) {
        inputs.set(row.involvement_id, null);
        continue;
      }
      const recorded = recordedOf(row);
      const day = dayOf.get(`${row.participant_id}|${row.occurred_on}`) ?? [];
      const own = day.find((d) => d.involvement_id === row.involvement_id);
      inputs.set(row.involvement_id, {
        involvementId: row.involvement_id,
        status: row.status,
        involvement: toCalculatorInput(recorded, decisionsOf(recorded)),
        role: recorded.appointment?.role ?? null,
        region: row.region,
        changedAt: Number(row.changed_at),
        versions: versionsOf.get(row.region) ?? [],
        sameDay: day
          .filter((d) => d.involvement_id !== row.involvement_id)
          .map((d) => {
            const other = recordedOf(d);
            return {
              orderKey: orderKey(d),
              involvement: toCalculatorInput(other, decisionsOf(other)),
              role: other.appointment?.role ?? null,
            };
          }),
        ownKey: own ? orderKey(own) : undefined,
      });
    }
    return inputs;
  }
}

/** Shipped versions and those published (with their positions), by effective date, as GuidelineCatalogue lists them. */
function versionsOfRegion(
  region: string,
  published: ReadonlyArray<{ region: string; position: string; guideline: Guideline }>,
): VersionAtPosition[] {
  return [
    ...shippedVersionsOf(region).map((guideline) => ({ guideline, position: null })),
    ...published
      .filter((p) => p.region === region)
      .map((p) => ({ guideline: p.guideline, position: Number(p.position) })),
  ].sort((a, b) => (a.guideline.effectiveFrom < b.guideline.effectiveFrom ? -1 : 1));
}
