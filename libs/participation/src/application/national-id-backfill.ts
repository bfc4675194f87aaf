import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { participantDecider, type SealedPersonalData } from '../domain';
import {
  isForgotten,
  PersonalDataVault,
  SealedDataUnreadable,
  type ParticipantPersonalData,
} from '../personal-data';
import { EventSourcedRepository } from './event-sourced-repository';
import { NationalIdRegistry } from './national-id-registry';
import { streams } from './streams';

export type BackfillResult = { indexed: number; duplicates: Array<{ participantId: string }> };

/**
 * Participants registered before `participant_national_ids` existed have no
 * row, so a duplicate of one of them would pass. Once per database, in the
 * background after start, this opens each registered participant's data (in
 * registration order, so the first keeps the id) and indexes their national
 * id. Duplicates already in the data are logged by participant id, not
 * merged. Idempotent: replicas that run it at once do the same work.
 */
@Injectable()
export class NationalIdBackfill implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NationalIdBackfill');
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    private readonly repository: EventSourcedRepository,
    private readonly vault: PersonalDataVault,
    private readonly registry: NationalIdRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run().catch((error: unknown) =>
      this.logger.error(
        `indexing existing national ids failed: ${String(error)}; it runs again at the next start`,
      ),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  async run(): Promise<BackfillResult | 'already-done'> {
    const done = await this.db.query<unknown[]>('SELECT 1 FROM participant_national_ids_backfill');
    if (done.length > 0) return 'already-done';
    const result: BackfillResult = { indexed: 0, duplicates: [] };
    const rows = await this.db.query<Array<{ stream_id: string }>>(
      `SELECT stream_id FROM stream_catalogue WHERE category = 'participant' ORDER BY first_recorded_at, stream_id`,
    );
    for (const { stream_id } of rows) {
      if (this.stopping) return result;
      const participantId = stream_id.slice(streams.participant('').length);
      const { state } = await this.repository.load(streams.participant(participantId), participantDecider);
      if (state.status !== 'registered') continue;
      const data = await this.opened(participantId, state.sealed);
      if (data === null || isForgotten(data) || !data.nationalId) continue;
      const outcome = await this.registry.indexExisting(data.nationalId, participantId);
      if (outcome === 'indexed') result.indexed += 1;
      else result.duplicates.push({ participantId });
    }
    await this.db.query(
      'INSERT INTO participant_national_ids_backfill (finished_at) VALUES (now()) ON CONFLICT DO NOTHING',
    );
    if (rows.length > 0)
      this.logger.log(
        `indexed ${result.indexed} national ids; participants sharing one with an earlier participant: ${
          result.duplicates.map((d) => d.participantId).join(', ') || 'none'
        }`,
      );
    return result;
  }

  private async opened(participantId: string, sealed: SealedPersonalData) {
    try {
      return await this.vault.open<ParticipantPersonalData>(participantId, sealed);
    } catch (error) {
      if (!(error instanceof SealedDataUnreadable)) throw error;
      this.logger.warn(`participant ${participantId}: ${error.message}; their national id is not indexed`);
      return null;
    }
  }
}
