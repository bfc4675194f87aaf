import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/audit';
import { AnnualReportQueries, MeetingFactsQueries, type Reader } from '@app/reporting';
import { CLOCK, ValidationFailed, type Clock } from '@app/shared-kernel';
import type { BudgetFigures } from '../domain/action-plan/budget';
import {
  buildYearlyAccount,
  type ConfirmationCounts,
  type MeasureRow,
  type MeetingCounts,
  type YearlyAccount,
} from '../domain/account/yearly-account';
import type { TrainingRecorded } from '../domain/training/training';
import type { BudgetLine, MeasureStatus } from '../domain/vocabulary';
import { BreadthQueries } from './breadth.queries';
import { MoneyPerMonth } from './money-per-month';

/** `?year` (1900–2999) and `?organizationId` (required: the account is one organisation's). */
export function parseOrganisationYear(query: { year?: unknown; organizationId?: unknown }) {
  const errors: Array<{ field: string; message: string }> = [];
  const year = typeof query.year === 'string' && /^\d{4}$/.test(query.year) ? Number(query.year) : NaN;
  if (!(year >= 1900 && year <= 2999)) errors.push({ field: 'year', message: 'must be a year like 2025' });
  const { organizationId } = query;
  if (typeof organizationId !== 'string' || organizationId.trim() === '' || organizationId.length > 200)
    errors.push({
      field: 'organizationId',
      message: 'is required: a non-empty text of at most 200 characters',
    });
  if (errors.length > 0) throw new ValidationFailed(errors);
  return { year, organizationId: (organizationId as string).trim() };
}

type AnnualWithMeetings = Awaited<ReturnType<AnnualReportQueries['annual']>>;

/**
 * Meetings as one meeting each (docs/adr/0026): the annual report's counts of
 * the year's meetings (cancelled left out, person-meetings without absences)
 * with their split by level and form and per month, all levels and forms
 * present (zero when none).
 */
export async function meetingCountsOf(
  meetingFacts: MeetingFactsQueries,
  annual: AnnualWithMeetings,
  year: number,
  organizationId: string,
): Promise<MeetingCounts> {
  const { byLevelAndForm, byMonth } = await meetingFacts.breakdownForYear(year, organizationId);
  const levels = Object.keys(annual.meetings.byLevel);
  const forms = Object.keys(annual.meetings.byForm);
  const grid = Object.fromEntries(
    levels.map((level) => [
      level,
      Object.fromEntries(forms.map((f) => [f, byLevelAndForm[level]?.[f] ?? 0])),
    ]),
  );
  return { ...annual.meetings, byLevelAndForm: grid, byMonth };
}

/**
 * Involvements the participant confirmed themselves, and those where they
 * acknowledged feedback (docs/adr/0028), as the annual report counts them.
 */
export function confirmationCountsOf(annual: AnnualWithMeetings): ConfirmationCounts {
  return {
    involvements: annual.participantConfirmation.involvements,
    feedbackAcknowledged: annual.feedbackAcknowledged.involvements,
  };
}

/** GET /v1/reports/yearly-account: the yearly account of one organisation and year. */
@Injectable()
export class YearlyAccountQueries {
  constructor(
    private readonly db: DataSource,
    private readonly annualReports: AnnualReportQueries,
    private readonly meetingFacts: MeetingFactsQueries,
    private readonly breadth: BreadthQueries,
    private readonly money: MoneyPerMonth,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async account(query: { year?: unknown; organizationId?: unknown }, reader: Reader): Promise<YearlyAccount> {
    const { year, organizationId } = parseOrganisationYear(query);
    const annual = await this.annualReports.annual({ year: String(year), organizationId }, reader);
    const [measures, budget, spending, trainings, breadth, kronerByMonthOre, meetings] = await Promise.all([
      this.measures(organizationId, year),
      this.budget(organizationId, year),
      this.spending(organizationId, year),
      this.trainings(organizationId, year),
      this.breadth.forOrganisation(organizationId, year),
      this.money.ofYear(organizationId, year),
      meetingCountsOf(this.meetingFacts, annual, year, organizationId),
    ]);
    await this.accessLog.record({
      actor: reader.actor,
      roles: reader.roles,
      action: 'audit-query',
      subject: `yearly-account:${year}`,
      detail: { view: 'yearly-account', organizationId },
    });
    return buildYearlyAccount({
      year,
      organizationId,
      generatedAt: this.clock.now().toISOString(),
      annual,
      measures,
      budget,
      spending,
      trainings,
      breadth,
      kronerByMonthOre,
      meetings,
      confirmations: confirmationCountsOf(annual),
    });
  }

  /** Breadth on its own (GET /v1/reports/breadth): the organisation and each project, suppressed below 5. */
  async breadthReport(query: { year?: unknown; organizationId?: unknown }, reader: Reader) {
    const { year, organizationId } = parseOrganisationYear(query);
    const breadth = await this.breadth.forOrganisation(organizationId, year);
    await this.accessLog.record({
      actor: reader.actor,
      roles: reader.roles,
      action: 'audit-query',
      subject: `breadth:${year}`,
      detail: { view: 'breadth', organizationId },
    });
    return { year, organizationId, ...breadth };
  }

  private async measures(organizationId: string, year: number): Promise<MeasureRow[]> {
    const rows: Array<{
      measure_id: string;
      what: string;
      responsible: string;
      deadline: string;
      status: MeasureStatus;
      year: number;
    }> = await this.db.query(
      `SELECT measure_id, what, responsible, deadline, status, year FROM yearly_account_measures
       WHERE organization_id = $1 AND year IN ($2, $3) ORDER BY registered_at`,
      [organizationId, year, year + 1],
    );
    return rows.map((r) => ({
      measureId: r.measure_id,
      what: r.what,
      responsible: r.responsible,
      deadline: r.deadline,
      status: r.status,
      year: Number(r.year),
    }));
  }

  private async budget(organizationId: string, year: number): Promise<BudgetFigures | null> {
    const rows: Array<{ lines_ore: BudgetFigures }> = await this.db.query(
      `SELECT lines_ore FROM yearly_account_budgets WHERE organization_id = $1 AND year = $2`,
      [organizationId, year],
    );
    return rows[0]?.lines_ore ?? null;
  }

  private async spending(organizationId: string, year: number): Promise<Partial<Record<BudgetLine, number>>> {
    const rows: Array<{ line: BudgetLine; total: string }> = await this.db.query(
      `SELECT line, sum(amount_ore) AS total FROM yearly_account_spending
       WHERE organization_id = $1 AND year = $2 GROUP BY line`,
      [organizationId, year],
    );
    return Object.fromEntries(rows.map((r) => [r.line, Number(r.total)]));
  }

  private async trainings(organizationId: string, year: number): Promise<Array<TrainingRecorded['data']>> {
    const rows: Array<{ training: TrainingRecorded['data'] }> = await this.db.query(
      `SELECT training FROM yearly_account_trainings WHERE organization_id = $1 AND occurred_on LIKE $2`,
      [organizationId, `${year}-%`],
    );
    return rows.map((r) => r.training);
  }
}
