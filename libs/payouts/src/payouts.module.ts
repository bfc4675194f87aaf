import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessLog } from '@app/audit';
import { ParticipationModule } from '@app/participation';
import { ProjectionRegistry } from '@app/platform';
import { ClaimLedgerReader } from './application/claim-ledger.reader';
import { DraftSerializer } from './application/draft-serializer';
import { WhatIsOwed } from './application/what-is-owed';
import {
  ApprovePayoutBatchHandler,
  CancelPayoutBatchHandler,
  RecordPaymentResultsHandler,
} from './commands/change-payout-batch.handlers';
import { DraftPayoutBatchHandler } from './commands/draft-payout-batch.handler';
import { PayoutExporter } from './export/payout-export';
import { PayoutBatchQueries } from './queries/payout-batch.queries';
import { PayoutLineQueries } from './queries/payout-line.queries';
import { PayoutReadModel } from './queries/payout-read-model';
import { PayoutLedgerModule } from './payout-ledger.module';
import { PayoutLinesProjection } from './read-models/payout-lines.projection';
import { PaymentResultsConsumer } from './messaging/payment-results.consumer';

/** Payout batches: drafting what is owed, four-eyes approval, payment results, exports. */
@Module({
  imports: [CqrsModule, ParticipationModule, PayoutLedgerModule],
  providers: [
    AccessLog,
    WhatIsOwed,
    DraftSerializer,
    ClaimLedgerReader,
    DraftPayoutBatchHandler,
    ApprovePayoutBatchHandler,
    CancelPayoutBatchHandler,
    RecordPaymentResultsHandler,
    PayoutReadModel,
    PayoutBatchQueries,
    PayoutLineQueries,
    PayoutExporter,
    PaymentResultsConsumer,
  ],
  exports: [PayoutBatchQueries, PayoutLineQueries, PayoutExporter],
})
export class PayoutsModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(new PayoutLinesProjection());
  }
}
