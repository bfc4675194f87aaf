import { Module } from '@nestjs/common';
import { ReportingModule } from '@app/reporting';
import { AnnualReportController } from './annual-report.controller';
import { ParticipationAuditController } from './participation-audit.controller';

@Module({ imports: [ReportingModule], controllers: [ParticipationAuditController, AnnualReportController] })
export class ReportingHttpModule {}
