import type { EntityManager } from 'typeorm';
import { runsOf, type Projection, type StoredEvent } from '@app/event-store';
import type { Evidence, InvolvementEvent, ProjectEvent } from '@app/participation';
import type { EvidenceFact } from '../../domain';

/**
 * Kind and times only: summaries and rationales are free text reporting does
 * not need. `recordedAt` is when the log recorded it, which back-dating `at`
 * cannot move.
 */
function evidenceFact(evidence: Evidence, recordedAt: string): EvidenceFact {
  switch (evidence.kind) {
    case 'invitation':
      return {
        kind: evidence.kind,
        at: evidence.at,
        recordedAt,
        documentsSharedAt: evidence.documentsSharedAt,
      };
    case 'influence':
      return { kind: evidence.kind, at: evidence.at, recordedAt, outcome: evidence.outcome };
    case 'attendance':
    case 'input':
    case 'feedback':
      return { kind: evidence.kind, at: evidence.at, recordedAt };
  }
}

/**
 * ParticipationFacts: projects (level, organisation) and involvements with
 * their evidence times, for the participation-reality audit and the annual
 * report. Tables reporting_projects and reporting_involvements.
 */
export class ParticipationFactsProjection implements Projection {
  readonly name = 'reporting-participation-facts';
  readonly handles = [
    'ProjectRegistered',
    'InvolvementLogged',
    'InvolvementCorrected',
    'InvolvementVoided',
    'EvidenceAdded',
    'ParticipantConfirmedInvolvement',
    'ParticipantDisputedInvolvement',
    'ParticipantAcknowledgedFeedback',
  ];

  /** A run of InvolvementLogged is one multi-row INSERT; other events are applied one by one, in order. */
  async applyBatch(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    for (const run of runsOf(events, (e) => e.type)) {
      if (run[0].type !== 'InvolvementLogged') {
        for (const event of run) await this.apply(event, tx);
        continue;
      }
      const rows = run.map((stored) => {
        const d = stored.data as unknown as Extract<InvolvementEvent, { type: 'InvolvementLogged' }>['data'];
        return {
          involvement_id: d.involvementId,
          project_id: d.projectId,
          participant_id: d.participantId,
          form: d.form,
          occurred_on: d.occurredOn,
          attendance: d.attendance,
          meeting_hours: d.hours.meeting,
          preparation_hours: d.hours.preparation,
          travel_hours: d.hours.travel,
          counts_as_participation: d.countsAsParticipation,
        };
      });
      await tx.query(
        `INSERT INTO reporting_involvements (involvement_id, project_id, participant_id, form, occurred_on, attendance,
           meeting_hours, preparation_hours, travel_hours, status, counts_as_participation)
         SELECT involvement_id, project_id, participant_id, form, occurred_on, attendance,
           meeting_hours, preparation_hours, travel_hours, 'logged', counts_as_participation
         FROM jsonb_to_recordset($1::jsonb) AS x(involvement_id text, project_id text, participant_id text, form text,
           occurred_on text, attendance text, meeting_hours numeric, preparation_hours numeric, travel_hours numeric,
           counts_as_participation boolean)
         ON CONFLICT (involvement_id) DO NOTHING`,
        [JSON.stringify(rows)],
      );
    }
  }

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const event = { type: stored.type, data: stored.data } as ProjectEvent | InvolvementEvent;
    switch (event.type) {
      case 'ProjectRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO reporting_projects (project_id, name, organization_id, level) VALUES ($1, $2, $3, $4)
           ON CONFLICT (project_id) DO NOTHING`,
          [d.projectId, d.name, d.organizationId, d.level],
        );
        return;
      }
      case 'InvolvementLogged': {
        const d = event.data;
        await tx.query(
          `INSERT INTO reporting_involvements (involvement_id, project_id, participant_id, form, occurred_on, attendance,
             meeting_hours, preparation_hours, travel_hours, status, counts_as_participation)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'logged', $10) ON CONFLICT (involvement_id) DO NOTHING`,
          [
            d.involvementId,
            d.projectId,
            d.participantId,
            d.form,
            d.occurredOn,
            d.attendance,
            d.hours.meeting,
            d.hours.preparation,
            d.hours.travel,
            d.countsAsParticipation,
          ],
        );
        return;
      }
      case 'InvolvementCorrected': {
        const c = event.data.changes;
        await tx.query(
          `UPDATE reporting_involvements SET form = COALESCE($2, form), occurred_on = COALESCE($3, occurred_on),
             attendance = COALESCE($4, attendance), meeting_hours = COALESCE($5, meeting_hours),
             preparation_hours = COALESCE($6, preparation_hours), travel_hours = COALESCE($7, travel_hours),
             counts_as_participation = $8
           WHERE involvement_id = $1`,
          [
            event.data.involvementId,
            c.form ?? null,
            c.occurredOn ?? null,
            c.attendance ?? null,
            c.hours?.meeting ?? null,
            c.hours?.preparation ?? null,
            c.hours?.travel ?? null,
            event.data.countsAsParticipation,
          ],
        );
        return;
      }
      case 'InvolvementVoided':
        await tx.query(`UPDATE reporting_involvements SET status = 'voided' WHERE involvement_id = $1`, [
          event.data.involvementId,
        ]);
        return;
      case 'EvidenceAdded':
        await tx.query(
          `UPDATE reporting_involvements SET evidence = evidence || jsonb_build_array($2::jsonb) WHERE involvement_id = $1`,
          [
            event.data.involvementId,
            JSON.stringify(evidenceFact(event.data.evidence, stored.metadata.recordedAt)),
          ],
        );
        return;
      // The participant's own word is evidence too (docs/adr/0028): kind, when recorded, what it concerns.
      case 'ParticipantConfirmedInvolvement':
      case 'ParticipantDisputedInvolvement':
      case 'ParticipantAcknowledgedFeedback': {
        const recordedAt = stored.metadata.recordedAt;
        const fact: EvidenceFact =
          event.type === 'ParticipantDisputedInvolvement'
            ? { kind: 'participant-dispute', at: recordedAt, recordedAt, concerns: event.data.concerns }
            : event.type === 'ParticipantConfirmedInvolvement'
              ? { kind: 'participant-confirmation', at: recordedAt, recordedAt }
              : { kind: 'feedback-acknowledgement', at: recordedAt, recordedAt };
        await tx.query(
          `UPDATE reporting_involvements SET evidence = evidence || jsonb_build_array($2::jsonb) WHERE involvement_id = $1`,
          [event.data.involvementId, JSON.stringify(fact)],
        );
        return;
      }
      case 'ProjectLeadAdded':
      case 'MilestoneRecorded':
      case 'ParticipantWaivedHonorarium':
        return;
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM reporting_involvements');
    await tx.query('DELETE FROM reporting_projects');
  }
}
