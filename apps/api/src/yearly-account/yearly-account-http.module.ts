import { Module } from '@nestjs/common';
import { YearlyAccountModule } from '@app/yearly-account';
import { ActionPlanController } from './action-plan.controller';
import { RepresentationController } from './representation.controller';
import { YearlyAccountReportController } from './yearly-account-report.controller';

@Module({
  imports: [YearlyAccountModule],
  controllers: [RepresentationController, ActionPlanController, YearlyAccountReportController],
})
export class YearlyAccountHttpModule {}
