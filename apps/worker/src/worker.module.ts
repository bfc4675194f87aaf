import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformOptions } from '@app/platform';

/**
 * The worker process: projections (and, as contexts arrive, the notary, the
 * outbox relay and Kafka consumers), with /health and /metrics but no API.
 * `npm start` runs the same code inside the API process.
 */
@Module({})
export class WorkerModule {
  static register(options: PlatformOptions): DynamicModule {
    return { module: WorkerModule, imports: [PlatformModule.forRoot(options)] };
  }
}
