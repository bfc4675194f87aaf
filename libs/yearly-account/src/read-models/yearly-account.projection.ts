import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import type { BudgetEvent } from '../domain/action-plan/budget';
import type { MeasureEvent } from '../domain/action-plan/measure';
import type { RepresentationEvent } from '../domain/representation/representation.events';
import type { TrainingEvent } from '../domain/training/training';

type YearlyAccountEvent = RepresentationEvent | TrainingEvent | MeasureEvent | BudgetEvent;

/**
 * What the yearly account needs beyond participation facts: perspectives and
 * the breadth consent in force (sealed envelopes only; withdrawal clears the
 * consent's), courses, measures, budgets and recorded spending.
 */
export class YearlyAccountProjection implements Projection {
  readonly name = 'yearly-account';
  readonly handles = [
    'PerspectiveRecorded',
    'BreadthConsentGiven',
    'BreadthConsentWithdrawn',
    'TrainingRecorded',
    'MeasureRegistered',
    'MeasureStatusChanged',
    'BudgetSet',
    'SpendingRecorded',
  ];

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const event = { type: stored.type, data: stored.data } as YearlyAccountEvent;
    switch (event.type) {
      case 'PerspectiveRecorded':
        await tx.query(
          `INSERT INTO yearly_account_representation (participant_id, perspectives_sealed) VALUES ($1, $2)
           ON CONFLICT (participant_id) DO UPDATE SET perspectives_sealed = EXCLUDED.perspectives_sealed`,
          [event.data.participantId, event.data.perspectives],
        );
        return;
      case 'BreadthConsentGiven':
        await tx.query(
          `INSERT INTO yearly_account_representation (participant_id, consent_id, attributes_sealed) VALUES ($1, $2, $3)
           ON CONFLICT (participant_id) DO UPDATE SET consent_id = EXCLUDED.consent_id, attributes_sealed = EXCLUDED.attributes_sealed`,
          [event.data.participantId, event.data.consentId, event.data.attributes],
        );
        return;
      case 'BreadthConsentWithdrawn':
        await tx.query(
          `UPDATE yearly_account_representation SET consent_id = NULL, attributes_sealed = NULL
           WHERE participant_id = $1 AND consent_id = $2`,
          [event.data.participantId, event.data.consentId],
        );
        return;
      case 'TrainingRecorded':
        await tx.query(
          `INSERT INTO yearly_account_trainings (training_id, organization_id, occurred_on, training) VALUES ($1, $2, $3, $4)
           ON CONFLICT (training_id) DO NOTHING`,
          [
            event.data.trainingId,
            event.data.organizationId,
            event.data.occurredOn,
            JSON.stringify(event.data),
          ],
        );
        return;
      case 'MeasureRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO yearly_account_measures (measure_id, organization_id, year, what, responsible, deadline, status, registered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (measure_id) DO NOTHING`,
          [
            d.measureId,
            d.organizationId,
            d.year,
            d.what,
            d.responsible,
            d.deadline,
            d.status,
            stored.position,
          ],
        );
        return;
      }
      case 'MeasureStatusChanged':
        await tx.query(`UPDATE yearly_account_measures SET status = $2 WHERE measure_id = $1`, [
          event.data.measureId,
          event.data.status,
        ]);
        return;
      case 'BudgetSet':
        await tx.query(
          `INSERT INTO yearly_account_budgets (organization_id, year, lines_ore) VALUES ($1, $2, $3)
           ON CONFLICT (organization_id, year) DO UPDATE SET lines_ore = EXCLUDED.lines_ore`,
          [event.data.organizationId, event.data.year, JSON.stringify(event.data.linesOre)],
        );
        return;
      case 'SpendingRecorded': {
        const d = event.data;
        await tx.query(
          `INSERT INTO yearly_account_spending (position, organization_id, year, line, amount_ore, spent_on)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (position) DO NOTHING`,
          [stored.position, d.organizationId, d.year, d.line, d.amountOre, d.spentOn],
        );
        return;
      }
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    for (const table of ['representation', 'trainings', 'measures', 'budgets', 'spending'])
      await tx.query(`DELETE FROM yearly_account_${table}`);
  }
}
