import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PlatformModule, type PlatformOptions } from '@app/platform';
import { AuditHttpModule } from './audit/audit-http.module';
import { HonorariumHttpModule } from './honorarium/honorarium-http.module';
import { ParticipationHttpModule } from './participation/participation-http.module';
import { PayoutsHttpModule } from './payouts/payouts-http.module';
import { ReportingHttpModule } from './reporting/reporting-http.module';
import { YearlyAccountHttpModule } from './yearly-account/yearly-account-http.module';

/** The API process: HTTP on top of the platform; contexts plug in here. */
@Module({})
export class AppModule {
  static register(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options),
        MessagingModule,
        ReportingHttpModule,
        ParticipationHttpModule,
        HonorariumHttpModule,
        AuditHttpModule,
        PayoutsHttpModule,
        YearlyAccountHttpModule,
      ],
    };
  }
}
