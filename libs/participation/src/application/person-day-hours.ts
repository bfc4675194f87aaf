import { Injectable } from '@nestjs/common';
import { involvementDecider, isIsoDate, type OtherInvolvementHours } from '../domain';
import { sameDayRows } from '../read-models/involvement-summaries/same-day-rows';
import { EventSourcedRepository } from './event-sourced-repository';
import { PersonLocks, type LockedConnection } from './person-locks';
import { streams } from './streams';

export type OtherInvolvementsByDay = Record<string, OtherInvolvementHours[]>;

/**
 * A person's day holds at most 24 hours (docs/adr/0011). Logging, or a
 * correction that changes hours or the day, runs its check-and-append under a
 * lock on (participant, day), so two writes for one person's day never both
 * pass the check.
 *
 * The read model lags the log, so the lock holder also records the
 * involvement in `participation_person_days` before it appends: every
 * involvement ever placed on a day is listed there (crash leftovers too),
 * and each listed stream is loaded, so only what the log says counts.
 */
@Injectable()
export class PersonDayHours {
  constructor(
    private readonly locks: PersonLocks,
    private readonly repository: EventSourcedRepository,
  ) {}

  /**
   * Runs `write` with the person's other active involvements on `day`, under
   * the day's lock. Input that is not a date gets no lock: the decider refuses it.
   */
  async onDay<T>(
    participantId: string,
    day: unknown,
    involvementId: string,
    write: (others: OtherInvolvementsByDay) => Promise<T>,
  ): Promise<T> {
    if (!isIsoDate(day)) return write({});
    return this.locks.withLock(`person-day:${participantId}:${day}`, async (db) => {
      const others = await this.othersOn(db, participantId, day, involvementId);
      await db.query(
        `INSERT INTO participation_person_days (participant_id, occurred_on, involvement_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [participantId, day, involvementId],
      );
      try {
        return await write({ [day]: others });
      } catch (error) {
        if (!(await this.isOn(involvementId, participantId, day)))
          await db.query(
            'DELETE FROM participation_person_days WHERE participant_id = $1 AND occurred_on = $2 AND involvement_id = $3',
            [participantId, day, involvementId],
          );
        throw error;
      }
    });
  }

  private async othersOn(
    db: LockedConnection,
    participantId: string,
    day: string,
    involvementId: string,
  ): Promise<OtherInvolvementHours[]> {
    const listed = (await db.query(
      'SELECT involvement_id FROM participation_person_days WHERE participant_id = $1 AND occurred_on = $2',
      [participantId, day],
    )) as Array<{ involvement_id: string }>;
    const projected = await sameDayRows(db, participantId, day);
    const ids = new Set([...listed, ...projected].map((r) => r.involvement_id));
    ids.delete(involvementId);
    const loaded = await Promise.all(
      [...ids].map((id) => this.repository.load(streams.involvement(id), involvementDecider)),
    );
    return loaded.flatMap(({ state }) =>
      state.status === 'logged' && state.participantId === participantId && state.occurredOn === day
        ? [{ involvementId: state.involvementId, hours: state.hours }]
        : [],
    );
  }

  private async isOn(involvementId: string, participantId: string, day: string): Promise<boolean> {
    const { state } = await this.repository.load(streams.involvement(involvementId), involvementDecider);
    return state.status !== 'none' && state.participantId === participantId && state.occurredOn === day;
  }
}
