import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/platform';
import { Notary } from './notary.service';
import { NOTARY_SETTINGS, type NotarySettings } from './notary-settings';

/** In processes that run workers: looks every tickMs whether a checkpoint is due. */
@Injectable()
export class NotaryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notary');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly notary: Notary,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NOTARY_SETTINGS) private readonly settings: NotarySettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    this.timer = setInterval(() => {
      // A slow tick (a first sync of a large log) is not stacked upon.
      this.running ??= this.notary
        .checkpointIfDue()
        .catch((error: unknown) =>
          this.logger.warn(`checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = undefined));
    }, this.settings.tickMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
