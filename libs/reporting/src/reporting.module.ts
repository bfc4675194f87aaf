import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import { ParticipationModule } from '@app/participation';
import { PayoutLineQueries, PayoutsModule } from '@app/payouts';
import { ProjectionRegistry } from '@app/platform';
import { loadRealityThresholds, REALITY_THRESHOLDS } from './config/reporting-config';
import { PAID_PAYOUTS } from './paid-payouts.port';
import { AccruedEconomyQueries } from './queries/accrued-economy.queries';
import { AnnualReportQueries } from './queries/annual-report.queries';
import { ParticipationFactsQueries } from './queries/participation-facts.queries';
import { ParticipationRealityQueries } from './queries/participation-reality.queries';
import { ParticipationFactsProjection } from './read-models/participation-facts/participation-facts.projection';
import { MeetingFactsProjection } from './read-models/meeting-facts/meeting-facts.projection';
import { MeetingFactsQueries } from './queries/meeting-facts.queries';

/**
 * Participation reality (audit) and the annual report. "Paid" comes through
 * the PAID_PAYOUTS port, provided here by the payouts context.
 */
@Module({
  imports: [ParticipationModule, PayoutsModule],
  providers: [
    AccessLog,
    // "Paid" in the annual report is what the payouts context recorded as paid.
    { provide: PAID_PAYOUTS, useExisting: PayoutLineQueries },
    // Read at start: a bad PARTICIPATION_* setting stops the start and names it.
    { provide: REALITY_THRESHOLDS, useFactory: () => loadRealityThresholds(process.env) },
    ParticipationFactsQueries,
    MeetingFactsQueries,
    ParticipationRealityQueries,
    AccruedEconomyQueries,
    AnnualReportQueries,
  ],
  exports: [ParticipationRealityQueries, AnnualReportQueries, MeetingFactsQueries, REALITY_THRESHOLDS],
})
export class ReportingModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(new ParticipationFactsProjection());
    this.projections.register(new MeetingFactsProjection());
  }
}
