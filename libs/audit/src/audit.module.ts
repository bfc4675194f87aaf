import { Inject, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RAW_EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, devSecret, ProjectionRegistry, type AppConfig } from '@app/platform';
import { AccessLog } from './access-log/access-log';
import { AuditHistoryQueries } from './history/audit-history.queries';
import { AuditIndexProjection } from './history/audit-index.projection';
import { NotaryLeavesProjection } from './notary-service/notary-leaves.projection';
import { NotaryScheduler } from './notary-service/notary-scheduler';
import { NOTARY_SETTINGS, notarySettings } from './notary-service/notary-settings';
import { Notary } from './notary-service/notary.service';
import { LogVerifier } from './verification/log-verifier';

/** History queries, the access log, the notary (leaves, checkpoints, proofs) and verification. */
@Module({
  providers: [
    AccessLog,
    AuditHistoryQueries,
    {
      provide: NOTARY_SETTINGS,
      inject: [APP_CONFIG],
      // NOTARY_SIGNING_KEY in production; generated into DATA_DIR in embedded mode.
      useFactory: (config: AppConfig) =>
        notarySettings(config.notarySigningKey, (name, make) => devSecret(config.dataDir, name, make)),
    },
    Notary,
    NotaryScheduler,
    {
      provide: LogVerifier,
      inject: [RAW_EVENT_STORE, DataSource],
      useFactory: (raw: EventStore, db: DataSource) => new LogVerifier(raw, db),
    },
  ],
  exports: [AccessLog, AuditHistoryQueries, Notary, LogVerifier],
})
export class AuditModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly projections: ProjectionRegistry,
    @Inject(RAW_EVENT_STORE) private readonly rawStore: EventStore,
    private readonly verifier: LogVerifier,
  ) {}

  onModuleInit(): void {
    this.projections.register(new AuditIndexProjection(this.rawStore));
    this.projections.register(new NotaryLeavesProjection());
  }

  async onModuleDestroy(): Promise<void> {
    await this.verifier.close();
  }
}
