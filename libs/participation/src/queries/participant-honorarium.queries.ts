import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound, sumOre, ValidationFailed } from '@app/shared-kernel';
import { EventSourcedRepository } from '../application/event-sourced-repository';
import { streams } from '../application/streams';
import { participantDecider } from '../domain';
import { ParticipationQueries } from './participation.queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A participant's honorarium: every involvement in the period priced as GET
 * /v1/involvements/{id} prices it, line by line. Until payout batches exist
 * everything is accrued (not yet in a batch).
 */
@Injectable()
export class ParticipantHonorariumQueries {
  constructor(
    private readonly db: DataSource,
    private readonly repository: EventSourcedRepository,
    private readonly involvements: ParticipationQueries,
  ) {}

  async forParticipant(participantId: string, from?: string, to?: string) {
    const errors = [
      ...(from !== undefined && !DATE.test(from)
        ? [{ field: 'from', message: 'must be a date YYYY-MM-DD' }]
        : []),
      ...(to !== undefined && !DATE.test(to) ? [{ field: 'to', message: 'must be a date YYYY-MM-DD' }] : []),
    ];
    if (errors.length > 0) throw new ValidationFailed(errors);
    const participant = await this.repository.load(streams.participant(participantId), participantDecider);
    if (participant.state.status === 'unregistered') throw new NotFound('Participant', participantId);
    const rows: Array<{ involvement_id: string }> = await this.db.query(
      `SELECT involvement_id FROM participation_involvements
       WHERE participant_id = $1 AND status = 'logged' AND ($2::text IS NULL OR occurred_on >= $2) AND ($3::text IS NULL OR occurred_on <= $3)
       ORDER BY occurred_on, logged_at, involvement_id`,
      [participantId, from ?? null, to ?? null],
    );
    const priced = await Promise.all(rows.map((r) => this.involvements.involvement(r.involvement_id)));
    const lines = priced.flatMap((i) =>
      (i.honorarium?.lines ?? []).map((line) => ({
        involvementId: i.id,
        occurredOn: i.occurredOn,
        guideline: i.honorarium?.guideline,
        status: 'accrued' as const,
        ...line,
      })),
    );
    return {
      participantId,
      from: from ?? null,
      to: to ?? null,
      accruedOre: sumOre(lines.map((l) => l.amountOre)),
      batchedOre: 0,
      paidOre: 0,
      lines,
    };
  }
}
