import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformOptions } from '@app/platform';
import { HonorariumHttpModule } from './honorarium/honorarium-http.module';
import { ParticipationHttpModule } from './participation/participation-http.module';

/** The API process: HTTP on top of the platform; contexts plug in here. */
@Module({})
export class AppModule {
  static register(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options), ParticipationHttpModule, HonorariumHttpModule],
    };
  }
}
