import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { MessagingModule } from '@app/messaging';
import { ParticipationModule } from '@app/participation';
import { PayoutsModule } from '@app/payouts';
import { PlatformModule, type PlatformOptions } from '@app/platform';
import { ReportingModule } from '@app/reporting';
import { YearlyAccountModule } from '@app/yearly-account';

/**
 * The worker process: every context's projections, the notary, the outbox
 * relay and the Kafka consumers, with /health and /metrics but no API. API
 * replicas run with RUN_WORKERS=false beside it (docs/architecture.md); `npm start`
 * runs the same code inside the API process. A context registers its
 * projections when its module starts, so each one is listed here.
 */
@Module({})
export class WorkerModule {
  static register(options: PlatformOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(options),
        MessagingModule,
        AuditModule,
        ParticipationModule,
        PayoutsModule,
        ReportingModule,
        YearlyAccountModule,
      ],
    };
  }
}
