import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import { ParticipationModule } from '@app/participation';
import { ProjectionRegistry } from '@app/platform';
import { ReportingModule } from '@app/reporting';
import { BreadthSeal } from './application/breadth-seal';
import { YearlyAccountCommands } from './application/yearly-account.commands';
import { BreadthQueries } from './queries/breadth.queries';
import { MoneyPerMonth } from './queries/money-per-month';
import { YearlyAccountQueries } from './queries/yearly-account.queries';
import { YearlyAccountProjection } from './read-models/yearly-account.projection';

/**
 * The trust's yearly account: perspective and consented breadth of its
 * representatives, courses, the action plan and its economy, and the account
 * itself, composed from the annual report of participation.
 */
@Module({
  imports: [ParticipationModule, ReportingModule],
  providers: [
    AccessLog,
    BreadthSeal,
    YearlyAccountCommands,
    BreadthQueries,
    MoneyPerMonth,
    YearlyAccountQueries,
  ],
  exports: [YearlyAccountCommands, YearlyAccountQueries, BreadthQueries],
})
export class YearlyAccountModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(new YearlyAccountProjection());
  }
}
