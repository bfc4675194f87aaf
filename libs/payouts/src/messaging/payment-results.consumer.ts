import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  INTEGRATION_BUS,
  TOPICS,
  type IntegrationBus,
  type IntegrationMessage,
  type IntegrationSubscription,
} from '@app/messaging';
import { DomainError } from '@app/shared-kernel';
import { RecordPaymentResultsCommand } from '../commands/change-payout-batch.handlers';

/** Who the log names as the actor of results that came from the finance system. */
export const FINANCE_SYSTEM_ACTOR = 'finance-system';
export const PAYMENT_RESULTS_GROUP = 'payouts';

/**
 * Consumes `payouts.payment-results.v1`: the same effect as POST
 * /v1/payout-batches/{id}/payments. Idempotent twice over: the message id is
 * the Idempotency-Key (a redelivery appends nothing) and a repeated result is
 * no change for the batch. A message the domain refuses (unknown batch or
 * line, contradicting result) is logged and skipped, not redelivered forever.
 */
@Injectable()
export class PaymentResultsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PaymentResultsConsumer');
  private subscription: IntegrationSubscription | null = null;

  constructor(
    private readonly commands: CommandBus,
    @Optional() @Inject(INTEGRATION_BUS) private readonly bus?: IntegrationBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.bus) return;
    this.subscription = await this.bus.subscribe(TOPICS.paymentResults, PAYMENT_RESULTS_GROUP, (m) =>
      this.handle(m),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  async handle(message: IntegrationMessage): Promise<void> {
    const { batchId, results } = message.payload as { batchId?: unknown; results?: unknown };
    const id = typeof batchId === 'string' && batchId !== '' ? batchId : message.key;
    try {
      await this.commands.execute(
        new RecordPaymentResultsCommand(id, results, {
          actor: FINANCE_SYSTEM_ACTOR,
          roles: ['finance'],
          correlationId: message.messageId,
          idempotencyKey: `payment-results:${message.messageId}`,
        }),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`skipped payment results ${message.messageId} for batch ${id}: ${error.message}`);
    }
  }
}
