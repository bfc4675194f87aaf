import { Injectable } from '@nestjs/common';
import { involvementDecider, isIsoDate, type OtherInvolvementHours } from '../domain';
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
 * Taking the lock, listing and recording are one statement
 * (`participation_claim_person_day`, docs/adr/0019); releasing it is one more.
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
    return this.locks.withLockTaken(
      `person-day:${participantId}:${day}`,
      (db, key) => claimDay(db, key, participantId, day, involvementId),
      async (db, listed) => {
        const others = await this.othersOn(listed, participantId, day);
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
      },
    );
  }

  /** Each listed involvement's stream, so only what the log says counts. */
  private async othersOn(
    listed: readonly string[],
    participantId: string,
    day: string,
  ): Promise<OtherInvolvementHours[]> {
    const loaded = await Promise.all(
      listed.map((id) => this.repository.load(streams.involvement(id), involvementDecider)),
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

/**
 * One round trip (migration 1732300000041): takes the day's lock, lists the
 * involvements recorded on the day or projected there (all but this one),
 * and records this one. Null, with nothing recorded, when the lock is busy.
 */
async function claimDay(
  db: LockedConnection,
  key: string,
  participantId: string,
  day: string,
  involvementId: string,
): Promise<string[] | null> {
  const [row] = (await db.query('SELECT participation_claim_person_day($1::bigint, $2, $3, $4) AS listed', [
    key,
    participantId,
    day,
    involvementId,
  ])) as [{ listed: string[] | null }];
  return row.listed;
}
