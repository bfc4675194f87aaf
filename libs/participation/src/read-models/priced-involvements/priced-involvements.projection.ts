import type { EntityManager } from 'typeorm';
import { lastByKey, type Projection, type StoredEvent } from '@app/event-store';
import { GUIDELINE_VERSION_PUBLISHED, type Guideline } from '@app/honorarium';
import {
  evolveInvolvement,
  initialInvolvementState,
  type GatheringDecisions,
  type InvolvementEvent,
  type RecordedInvolvement,
} from '../../domain';
import { priceInvolvement } from '../../pricing/price-involvement';
import { isUnpriced } from '../../queries/unpriced-honorarium';
import { PricingInputLoader, recordedOf, type PricingDetails, type PricingRow } from './pricing-input.loader';

export const PRICED_INVOLVEMENTS_PROJECTION = 'honorarium-priced-involvements';

/**
 * The events that change what an involvement is priced at (the trigger list;
 * libs/honorarium/README.md, "What re-prices an involvement"). Each one
 * stores what it changes in the projection's input tables and marks the
 * involvements it affects; those are priced again at the end of the batch.
 *
 * - InvolvementLogged / InvolvementCorrected / InvolvementVoided: the
 *   involvement itself and every involvement of the person on the day before
 *   and after (daily caps are shared by the day).
 * - GuidelineVersionPublished: the region's involvements that no version
 *   covered (`no-guideline-in-force`). A priced involvement keeps its version:
 *   only versions published before it was last changed count for it
 *   (guidelineForDay), and every publication comes after.
 * - ProjectRegistered: the project's region and organisation.
 * - ParticipantWaivedHonorarium: the participant's waiver (`waived`: no
 *   honorarium, expenses still covered); re-prices the person's day. The
 *   participant's other words (confirm, dispute, acknowledge feedback) change
 *   no price: a dispute holds the amount back from drafts (disputed_involvements).
 * - MeetingRegistered: a user gathering's two decisions, which pay every
 *   involvement in the meeting (docs/adr/0026); re-prices the involvements
 *   that name the meeting and their days. A meeting's later events change no
 *   decision.
 *
 * Appointment events are not in the list: the role that prices an
 * involvement travels in its own events (`appointment`), set when it is
 * logged or corrected.
 */
export const PRICE_TRIGGERS = [
  'ProjectRegistered',
  GUIDELINE_VERSION_PUBLISHED,
  'InvolvementLogged',
  'InvolvementCorrected',
  'InvolvementVoided',
  'ParticipantWaivedHonorarium',
  'MeetingRegistered',
] as const;

const INVOLVEMENT_EVENTS: readonly string[] = [
  'InvolvementLogged',
  'InvolvementCorrected',
  'InvolvementVoided',
  'ParticipantWaivedHonorarium',
];

/** What a batch changed: involvements, person-days and regions whose prices must be worked out again. */
class Affected {
  readonly involvements = new Set<string>();
  readonly personDays = new Map<string, { participantId: string; day: string }>();
  readonly regions = new Set<string>();
  readonly projects = new Set<string>();

  day(participantId: string, day: string): void {
    this.personDays.set(`${participantId}|${day}`, { participantId, day });
  }
}

/**
 * Keeps `priced_involvements` and `priced_involvement_lines`: every
 * involvement priced by the one calculation (priceInvolvement) from inputs
 * loaded by the one loader (PricingInputLoader), re-priced whenever an event
 * of PRICE_TRIGGERS changes one of them. A batch stores the inputs its events
 * change, then prices everything they affect, in a few multi-row statements
 * (docs/adr/0022); one event at a time gives the same rows.
 */
export class PricedInvolvementsProjection implements Projection {
  readonly name = PRICED_INVOLVEMENTS_PROJECTION;
  readonly handles = PRICE_TRIGGERS;

  constructor(private readonly loader = new PricingInputLoader()) {}

  apply(event: StoredEvent, tx: EntityManager): Promise<void> {
    return this.applyBatch([event], tx);
  }

  async applyBatch(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    const affected = new Affected();
    await this.storeProjects(events, tx, affected);
    await this.storeGuidelineVersions(events, tx, affected);
    await this.storeInvolvements(events, tx, affected);
    await this.storeMeetings(events, tx, affected);
    await this.price(await this.affectedInvolvements(tx, affected), tx);
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM priced_involvement_lines');
    await tx.query('DELETE FROM priced_involvements');
    await tx.query('DELETE FROM priced_guideline_versions');
    await tx.query('DELETE FROM priced_projects');
    await tx.query('DELETE FROM priced_meetings');
  }

  /** A meeting's gathering decisions, and the involvements (with their days) that name the meeting. */
  private async storeMeetings(events: readonly StoredEvent[], tx: EntityManager, affected: Affected) {
    const meetings = events
      .filter((e) => e.type === 'MeetingRegistered')
      .map((e) => ({
        meeting_id: String(e.data.meetingId),
        gathering_decisions: (e.data.gatheringDecisions ?? null) as GatheringDecisions | null,
      }));
    if (meetings.length === 0) return;
    await tx.query(
      `INSERT INTO priced_meetings (meeting_id, gathering_decisions)
       SELECT meeting_id, gathering_decisions
       FROM jsonb_to_recordset($1::jsonb) AS r(meeting_id text, gathering_decisions jsonb)
       ON CONFLICT (meeting_id) DO UPDATE SET gathering_decisions = EXCLUDED.gathering_decisions`,
      [JSON.stringify(lastByKey(meetings, (m) => m.meeting_id))],
    );
    const named = await tx.query<
      Array<{ involvement_id: string; participant_id: string; occurred_on: string }>
    >(
      `SELECT involvement_id, participant_id, occurred_on FROM priced_involvements
       WHERE details->>'meetingId' = ANY($1)`,
      [meetings.map((m) => m.meeting_id)],
    );
    for (const row of named) {
      affected.involvements.add(row.involvement_id);
      affected.day(row.participant_id, row.occurred_on);
    }
  }

  private async storeProjects(events: readonly StoredEvent[], tx: EntityManager, affected: Affected) {
    const projects = events
      .filter((e) => e.type === 'ProjectRegistered')
      .map((e) => ({
        project_id: String(e.data.projectId),
        region: String(e.data.region),
        organization_id: String(e.data.organizationId),
      }));
    if (projects.length === 0) return;
    projects.forEach((p) => affected.projects.add(p.project_id));
    await tx.query(
      `INSERT INTO priced_projects (project_id, region, organization_id)
       SELECT project_id, region, organization_id
       FROM jsonb_to_recordset($1::jsonb) AS r(project_id text, region text, organization_id text)
       ON CONFLICT (project_id) DO UPDATE SET region = EXCLUDED.region, organization_id = EXCLUDED.organization_id`,
      [JSON.stringify(lastByKey(projects, (p) => p.project_id))],
    );
  }

  private async storeGuidelineVersions(
    events: readonly StoredEvent[],
    tx: EntityManager,
    affected: Affected,
  ) {
    const versions = events
      .filter((e) => e.type === GUIDELINE_VERSION_PUBLISHED)
      .map((e) => {
        const guideline = e.data.guideline as Guideline;
        return { region: guideline.region, version: guideline.version, position: e.position, guideline };
      });
    if (versions.length === 0) return;
    versions.forEach((v) => affected.regions.add(v.region));
    await tx.query(
      `INSERT INTO priced_guideline_versions (region, version, position, guideline)
       SELECT region, version, position, guideline
       FROM jsonb_to_recordset($1::jsonb) AS r(region text, version text, position bigint, guideline jsonb)
       ON CONFLICT (region, version) DO NOTHING`,
      [JSON.stringify(versions)],
    );
  }

  /** Folds the batch's involvement events into the stored inputs, with the decider's own evolve. */
  private async storeInvolvements(events: readonly StoredEvent[], tx: EntityManager, affected: Affected) {
    const involvementEvents = events.filter((e) => INVOLVEMENT_EVENTS.includes(e.type));
    if (involvementEvents.length === 0) return;
    const ids = [...new Set(involvementEvents.map((e) => String(e.data.involvementId)))];
    const stored = await tx.query<PricingRow[]>(
      `SELECT involvement_id, project_id, participant_id, occurred_on, logged_at, status, changed_at, details
       FROM priced_involvements WHERE involvement_id = ANY($1)`,
      [ids],
    );
    const rows = new Map(stored.map((r) => [r.involvement_id, r]));
    const touched = new Set<string>();
    for (const event of involvementEvents) {
      const id = String(event.data.involvementId);
      const before = rows.get(id);
      if (before) affected.day(before.participant_id, before.occurred_on);
      const state = evolveInvolvement(before ? recordedOf(before) : initialInvolvementState(), {
        type: event.type,
        data: event.data,
      } as InvolvementEvent);
      if (state.status === 'none') continue;
      const after = rowOf(state, event, before);
      rows.set(id, after);
      touched.add(id);
      affected.involvements.add(id);
      affected.day(after.participant_id, after.occurred_on);
    }
    if (touched.size === 0) return;
    await tx.query(
      `INSERT INTO priced_involvements
         (involvement_id, project_id, participant_id, occurred_on, logged_at, status, changed_at, details, pricing)
       SELECT involvement_id, project_id, participant_id, occurred_on, logged_at, status, changed_at, details, 'pending'
       FROM jsonb_to_recordset($1::jsonb) AS r(involvement_id text, project_id text, participant_id text,
         occurred_on text, logged_at timestamptz, status text, changed_at bigint, details jsonb)
       ON CONFLICT (involvement_id) DO UPDATE SET project_id = EXCLUDED.project_id,
         participant_id = EXCLUDED.participant_id, occurred_on = EXCLUDED.occurred_on, logged_at = EXCLUDED.logged_at,
         status = EXCLUDED.status, changed_at = EXCLUDED.changed_at, details = EXCLUDED.details, pricing = 'pending'`,
      [JSON.stringify([...touched].map((id) => rows.get(id)))],
    );
  }

  /**
   * The involvements whose price the batch may have changed. One branch per
   * reason, each on its own index (the primary key, person-day, project): an
   * OR across columns scanned the whole table on every batch, so a rebuild
   * cost the square of the history (docs/adr/0023, "Rebuild speed").
   */
  private async affectedInvolvements(tx: EntityManager, affected: Affected): Promise<string[]> {
    const days = [...affected.personDays.values()];
    const rows = await tx.query<Array<{ involvement_id: string }>>(
      `SELECT involvement_id FROM priced_involvements WHERE involvement_id = ANY($1)
       UNION
       SELECT i.involvement_id FROM priced_involvements i
         JOIN unnest($2::text[], $3::text[]) AS d(participant_id, occurred_on)
           ON i.participant_id = d.participant_id AND i.occurred_on = d.occurred_on
       UNION
       SELECT involvement_id FROM priced_involvements WHERE project_id = ANY($4)
       UNION
       SELECT i.involvement_id FROM priced_involvements i
         JOIN priced_projects p ON p.project_id = i.project_id
       WHERE p.region = ANY($5) AND i.pricing IN ('no-guideline-in-force', 'no-project')
       ORDER BY involvement_id`,
      [
        [...affected.involvements],
        days.map((d) => d.participantId),
        days.map((d) => d.day),
        [...affected.projects],
        [...affected.regions],
      ],
    );
    return rows.map((r) => r.involvement_id);
  }

  /** Prices each involvement with the one calculation and replaces its stored result and lines. */
  private async price(involvementIds: readonly string[], tx: EntityManager): Promise<void> {
    if (involvementIds.length === 0) return;
    const inputs = await this.loader.load(tx, involvementIds);
    const results: PricedResult[] = [];
    const lines: PricedLineRow[] = [];
    for (const id of involvementIds) {
      const input = inputs.get(id);
      const view = input ? priceInvolvement(input) : null;
      results.push(resultOf(id, input === null, view));
      if (view && !isUnpriced(view))
        view.lines.forEach((line, index) =>
          lines.push({
            involvement_id: id,
            line_no: index + 1,
            kind: line.kind,
            quantity: line.quantity,
            unit: line.unit,
            rate_ore: line.rateOre,
            amount_ore: line.amountOre,
            taxable: line.taxable,
            income_type: line.incomeType,
            explanation: line.explanation,
            guideline_region: view.guideline.region,
            guideline_version: view.guideline.version,
          }),
        );
    }
    await tx.query(
      `UPDATE priced_involvements i SET pricing = r.pricing, total_ore = r.total_ore,
         guideline_region = r.guideline_region, guideline_version = r.guideline_version, rate_tables = r.rate_tables,
         reason = r.reason, errors = r.errors, first_effective_from = r.first_effective_from
       FROM jsonb_to_recordset($1::jsonb) AS r(involvement_id text, pricing text, total_ore bigint,
         guideline_region text, guideline_version text, rate_tables jsonb, reason text, errors jsonb,
         first_effective_from text)
       WHERE i.involvement_id = r.involvement_id`,
      [JSON.stringify(results)],
    );
    await tx.query('DELETE FROM priced_involvement_lines WHERE involvement_id = ANY($1)', [involvementIds]);
    if (lines.length > 0)
      await tx.query(
        `INSERT INTO priced_involvement_lines (involvement_id, line_no, kind, quantity, unit, rate_ore, amount_ore,
           taxable, income_type, explanation, guideline_region, guideline_version)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(involvement_id text, line_no integer, kind text,
           quantity numeric, unit text, rate_ore bigint, amount_ore bigint, taxable boolean, income_type text,
           explanation text, guideline_region text, guideline_version text)`,
        [JSON.stringify(lines)],
      );
  }
}

interface PricedResult {
  involvement_id: string;
  pricing: 'priced' | 'unpriced' | 'no-guideline-in-force' | 'voided' | 'no-project';
  total_ore: number | null;
  guideline_region: string | null;
  guideline_version: string | null;
  rate_tables: unknown;
  reason: string | null;
  errors: unknown;
  first_effective_from: string | null;
}

type PricedLineRow = Record<string, unknown>;

function resultOf(
  involvementId: string,
  noProject: boolean,
  view: ReturnType<typeof priceInvolvement>,
): PricedResult {
  const none = {
    involvement_id: involvementId,
    total_ore: null,
    guideline_region: null,
    guideline_version: null,
    rate_tables: null,
    reason: null,
    errors: null,
    first_effective_from: null,
  };
  if (view === null) return { ...none, pricing: noProject ? 'no-project' : 'voided' };
  if (!isUnpriced(view))
    return {
      ...none,
      pricing: 'priced',
      total_ore: view.totalOre,
      guideline_region: view.guideline.region,
      guideline_version: view.guideline.version,
      rate_tables: view.rateTables,
    };
  if (view.status === 'no-guideline-in-force')
    return {
      ...none,
      pricing: view.status,
      guideline_region: view.region,
      reason: view.reason,
      first_effective_from: view.firstEffectiveFrom,
    };
  return { ...none, pricing: view.status, reason: view.reason, errors: view.errors ?? null };
}

/** The stored inputs after an event: the folded state without free text, and where it sits in the log. */
function rowOf(state: RecordedInvolvement, event: StoredEvent, before: PricingRow | undefined): PricingRow {
  const {
    status,
    involvementId,
    projectId,
    participantId,
    evidence: _evidence,
    corrections: _corrections,
    topic: _topic,
    ...details
  } = state;
  const changed = event.type === 'InvolvementLogged' || event.type === 'InvolvementCorrected';
  return {
    involvement_id: involvementId,
    project_id: projectId,
    participant_id: participantId,
    occurred_on: state.occurredOn,
    logged_at:
      event.type === 'InvolvementLogged' || !before
        ? new Date(event.metadata.recordedAt)
        : new Date(before.logged_at),
    status,
    changed_at: String(changed ? event.position : Number(before?.changed_at ?? event.position)),
    details: withoutFreeText(details),
  };
}

/**
 * An expense's description and the reasons the participant gave are free text
 * about the person and play no part in a price: only that a waiver exists does.
 */
function withoutFreeText(details: PricingDetails): PricingDetails {
  return {
    ...details,
    expenses: details.expenses.map((e) => (e.kind === 'other' ? { ...e, description: null } : e)),
    waiver: details.waiver ? { reason: { erased: true } } : null,
    participantResponse: null,
  };
}
