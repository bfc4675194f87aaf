import { Global, Module } from '@nestjs/common';
import { PAYOUT_LEDGER } from '@app/participation';
import { PayoutLedgerReader } from './queries/payout-ledger.reader';

/**
 * Provides participation's PAYOUT_LEDGER port. Global, because the
 * participation module that asks for it is one payouts itself imports.
 */
@Global()
@Module({
  providers: [{ provide: PAYOUT_LEDGER, useClass: PayoutLedgerReader }],
  exports: [PAYOUT_LEDGER],
})
export class PayoutLedgerModule {}
