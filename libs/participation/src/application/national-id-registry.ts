import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Conflict } from '@app/shared-kernel';
import { participantDecider, type ParticipantState } from '../domain';
import { PersonalDataVault } from '../personal-data';
import { EventSourcedRepository, type Loaded } from './event-sourced-repository';
import { PersonalDataAccess, registrantOf, type PersonalDataReader } from './personal-data-access';
import { PersonLocks, type LockedConnection } from './person-locks';
import { streams } from './streams';

/** HKDF info of the blind-index key: a purpose of its own, so it opens nothing else. */
export const NATIONAL_ID_INDEX_PURPOSE = 'brukermedvirkning:participant-national-id-blind-index:v1';

const ALREADY_REGISTERED =
  'Each person is registered once: a participant with this national identity number exists';

/**
 * One person, one participant (docs/adr/0011). The national id is sealed in
 * the events, so uniqueness is kept on a keyed blind index, HMAC-SHA256 of the
 * normalised id, in `participant_national_ids`: outside the immutable log, and
 * its row goes when the person is forgotten.
 *
 * A registration claims the row before it appends, under a lock on the index
 * value, and undoes the claim when the append fails. A claim whose
 * participant was never written (a crash between claim and append) or was
 * forgotten is taken over by the next registration: under the lock, nobody
 * else can be between claim and append.
 */
@Injectable()
export class NationalIdRegistry {
  private readonly key: Buffer;

  constructor(
    vault: PersonalDataVault,
    private readonly locks: PersonLocks,
    private readonly repository: EventSourcedRepository,
    private readonly access: PersonalDataAccess,
    private readonly db: DataSource,
  ) {
    this.key = vault.derivedKey(NATIONAL_ID_INDEX_PURPOSE);
  }

  /** `nationalId` as `parseParticipantPersonalData` normalised it (11 digits). */
  blindIndex(nationalId: string): string {
    return createHmac('sha256', this.key).update(nationalId, 'utf8').digest('hex');
  }

  /** Runs `register` (which appends the participant) only if no other live participant has this national id. */
  async registerOnce<T>(
    nationalId: string,
    participantId: string,
    reader: PersonalDataReader,
    register: () => Promise<T>,
  ): Promise<T> {
    const index = this.blindIndex(nationalId);
    const outcome = await this.locks.withLock(`national-id:${index}`, async (db) => {
      const claim = await this.claim(db, index, participantId);
      if (claim.kind === 'held') return claim;
      try {
        return { kind: 'registered' as const, result: await register() };
      } catch (error) {
        if (claim.kind === 'claimed' && !(await this.written(participantId)))
          await db.query(
            'DELETE FROM participant_national_ids WHERE blind_index = $1 AND participant_id = $2',
            [index, participantId],
          );
        throw error;
      }
    });
    // Outside the lock: who may see the holder is no business of the lock holder's.
    if (outcome.kind === 'held') throw await this.alreadyRegistered(outcome.holderId, outcome.holder, reader);
    return outcome.result;
  }

  /**
   * Indexes a participant registered before the index existed: 'indexed',
   * or 'duplicate' when another live participant holds the id already (the
   * earlier registration keeps it).
   */
  async indexExisting(nationalId: string, participantId: string): Promise<'indexed' | 'duplicate'> {
    const index = this.blindIndex(nationalId);
    return this.locks.withLock(`national-id:${index}`, async (db) =>
      (await this.claim(db, index, participantId)).kind === 'held' ? 'duplicate' : 'indexed',
    );
  }

  /** Forgetting frees the national id: the person may be registered again. */
  async release(participantId: string): Promise<void> {
    await this.db.query('DELETE FROM participant_national_ids WHERE participant_id = $1', [participantId]);
  }

  /**
   * 'claimed' by this call; 'own' for a retry of a registration that holds it
   * already; 'held' by another participant that is registered.
   */
  private async claim(
    db: LockedConnection,
    index: string,
    participantId: string,
  ): Promise<
    { kind: 'claimed' | 'own' } | { kind: 'held'; holderId: string; holder: Loaded<ParticipantState> }
  > {
    const rows = (await db.query(
      'SELECT participant_id FROM participant_national_ids WHERE blind_index = $1',
      [index],
    )) as Array<{ participant_id: string }>;
    const holderId = rows[0]?.participant_id;
    if (holderId === participantId) return { kind: 'own' };
    if (holderId === undefined) {
      await db.query('INSERT INTO participant_national_ids (blind_index, participant_id) VALUES ($1, $2)', [
        index,
        participantId,
      ]);
      return { kind: 'claimed' };
    }
    const holder = await this.repository.load(streams.participant(holderId), participantDecider);
    if (holder.state.status === 'registered') return { kind: 'held', holderId, holder };
    // Never written (a crash between claim and append) or forgotten: the claim is free.
    await db.query(
      'UPDATE participant_national_ids SET participant_id = $2, claimed_at = now() WHERE blind_index = $1',
      [index, participantId],
    );
    return { kind: 'claimed' };
  }

  /** 409 naming the participant only to a caller who may read them. */
  private async alreadyRegistered(
    holderId: string,
    holder: Loaded<unknown>,
    reader: PersonalDataReader,
  ): Promise<Conflict> {
    if (!(await this.access.mayRead(holderId, registrantOf(holder), reader)))
      return new Conflict(`${ALREADY_REGISTERED} (one you may not read)`);
    return new Conflict(`${ALREADY_REGISTERED}: participant ${holderId}`, {
      existingParticipantId: holderId,
    });
  }

  private async written(participantId: string): Promise<boolean> {
    const loaded = await this.repository.load(streams.participant(participantId), participantDecider);
    return loaded.state.status !== 'unregistered';
  }
}
