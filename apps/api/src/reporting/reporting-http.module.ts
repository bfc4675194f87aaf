import { Module } from '@nestjs/common';
import { ReportingModule } from '@app/reporting';
import { YearlyAccountModule } from '@app/yearly-account';
import { AnnualReportController } from './annual-report.controller';
import { ParticipationAuditController } from './participation-audit.controller';

// The yearly account's breadth queries give the audit its breadth indicator.
@Module({
  imports: [ReportingModule, YearlyAccountModule],
  controllers: [ParticipationAuditController, AnnualReportController],
})
export class ReportingHttpModule {}
