import { Inject, Injectable, Optional } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import {
  INVOLVEMENT_FORMS,
  NOT_PARTICIPATION,
  PARTICIPATION_LEVELS,
  ParticipationQueries,
} from '@app/participation';
import { CLOCK, ValidationFailed, type Clock } from '@app/shared-kernel';
import { REALITY_THRESHOLDS } from '../config/reporting-config';
import {
  classifyProject,
  composeAnnualReport,
  isPresent,
  osloDate,
  type AnnualReport,
  type MeetingCounts,
  type MeetingFacts,
  type RealityThresholds,
} from '../domain';
import { PAID_PAYOUTS, type PaidPayouts } from '../paid-payouts.port';
import { AccruedEconomyQueries } from './accrued-economy.queries';
import { ParticipationFactsQueries } from './participation-facts.queries';
import { MeetingFactsQueries } from './meeting-facts.queries';
import type { Reader } from './reader';

const PARTICIPATION_FORMS = INVOLVEMENT_FORMS.filter((f) => !NOT_PARTICIPATION.includes(f));

/** `?year` (required, 1900–2999) and `?organizationId` (optional) of GET /v1/reports/annual. */
export function parseAnnualReportQuery(query: { year?: unknown; organizationId?: unknown }) {
  const errors: Array<{ field: string; message: string }> = [];
  const year = typeof query.year === 'string' && /^\d{4}$/.test(query.year) ? Number(query.year) : NaN;
  if (!(year >= 1900 && year <= 2999)) errors.push({ field: 'year', message: 'must be a year like 2025' });
  const { organizationId } = query;
  if (
    organizationId !== undefined &&
    (typeof organizationId !== 'string' || organizationId.trim() === '' || organizationId.length > 200)
  )
    errors.push({ field: 'organizationId', message: 'must be a non-empty text of at most 200 characters' });
  if (errors.length > 0) throw new ValidationFailed(errors);
  return { year, organizationId: (organizationId as string | undefined)?.trim() ?? null };
}

/** GET /v1/reports/annual: the yearly account of participation (årlig rapportering om brukermedvirkning). */
@Injectable()
export class AnnualReportQueries {
  constructor(
    private readonly participation: ParticipationQueries,
    private readonly facts: ParticipationFactsQueries,
    private readonly economy: AccruedEconomyQueries,
    private readonly meetingFacts: MeetingFactsQueries,
    private readonly accessLog: AccessLog,
    @Inject(REALITY_THRESHOLDS) private readonly thresholds: RealityThresholds,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(PAID_PAYOUTS) private readonly paid?: PaidPayouts,
  ) {}

  async annual(
    query: { year?: unknown; organizationId?: unknown },
    reader: Reader,
  ): Promise<AnnualReport & { meetings: MeetingCounts }> {
    const { year, organizationId } = parseAnnualReportQuery(query);
    // Counts, people and hours as SQL aggregates over the reporting read model (docs/adr/0031).
    const counts = await this.facts.countsForYear(
      year,
      organizationId,
      PARTICIPATION_LEVELS,
      PARTICIPATION_FORMS,
    );
    // Only the reality classification folds: the counted involvements with their evidence, each project's
    // meetings, milestones and appointments, each read once for every project of the year.
    const { projects, involvements, byProject } = await this.facts.assessedInYear(year, organizationId);
    const projectIds = [...projects.keys()];
    // Evidence given once per meeting counts for each involvement in it (docs/adr/0026).
    const { meetings, milestones } = await this.meetingFacts.forProjects(projectIds);
    const meetingsOf = new Map<string, MeetingFacts[]>(projectIds.map((id) => [id, []]));
    for (const m of meetings) meetingsOf.get(m.projectId)?.push(m);
    const appointments = await this.participation.appointmentTerms(projectIds);

    // Accrued = the counted involvements' priced lines, summed in SQL over the priced-involvement read model
    // (what GET /v1/involvements/{id} answers). One that cannot be priced adds nothing and is named in `economy.unpriced`.
    const { accrued, unpriced } = await this.economy.ofYear(year, organizationId);
    const today = osloDate(this.clock.now());
    const assessments = [];
    for (const projectId of projectIds) {
      assessments.push({
        projectId,
        reality: classifyProject({
          involvements: byProject.get(projectId) ?? [],
          appointments: appointments.get(projectId) ?? [],
          thresholds: this.thresholds,
          today,
          meetings: meetingsOf.get(projectId) ?? [],
          milestones: milestones.get(projectId) ?? [],
        }),
      });
      // A large year is judged project by project without holding the event loop: other requests go between.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const paid = this.paid
      ? await this.paid.paidTotals({ year, ...(organizationId ? { organizationId } : {}) })
      : null;

    await this.accessLog.record({
      actor: reader.actor,
      roles: reader.roles,
      action: 'audit-query',
      subject: `annual-report:${year}`,
      detail: { view: 'annual-report', organizationId },
    });
    const meetingCounts = await this.meetingFacts.countsForYear(
      year,
      organizationId,
      PARTICIPATION_LEVELS,
      PARTICIPATION_FORMS,
    );
    const report = composeAnnualReport({
      year,
      organizationId,
      generatedAt: this.clock.now().toISOString(),
      levels: PARTICIPATION_LEVELS,
      forms: PARTICIPATION_FORMS,
      projects,
      counts,
      present: involvements.filter(isPresent),
      accrued,
      unpriced,
      paid,
      assessments,
    });
    return { ...report, meetings: meetingCounts };
  }
}
