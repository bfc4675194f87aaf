import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PayoutsModule } from '@app/payouts';
import { PayoutBatchesController } from './payout-batches.controller';

@Module({
  imports: [CqrsModule, PayoutsModule],
  controllers: [PayoutBatchesController],
})
export class PayoutsHttpModule {}
