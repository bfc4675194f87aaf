import type { AnnualReport } from '@app/reporting';
import type { BudgetFigures } from '../action-plan/budget';
import type { Breadth, breadthIndicator } from '../breadth/breadth';
import type { TrainingRecorded } from '../training/training';
import { BUDGET_LINES, MEASURE_STATUSES, type BudgetLine, type MeasureStatus } from '../vocabulary';

export interface MeasureRow {
  measureId: string;
  what: string;
  responsible: string;
  deadline: string;
  status: MeasureStatus;
  year: number;
}

/**
 * Meetings (møter) as the meetings read model counts them: a meeting with
 * several participants is one meeting and several person-meetings. Cancelled
 * meetings are left out of every count and given on their own.
 */
export interface MeetingCounts {
  total: number;
  byLevel: Record<string, number>;
  byForm: Record<string, number>;
  byLevelAndForm: Record<string, Record<string, number>>;
  /** Involvements in these meetings where the participant was there. */
  personMeetings: number;
  cancelled: number;
  /** Meetings held per month, January first. */
  byMonth: number[];
}

/** Involvements where the participant's own word is recorded (docs/adr/0028); null when not connected. */
export interface ConfirmationCounts {
  /** Their latest word on attendance is a confirmation. */
  involvements: number;
  /** They acknowledged a recorded feedback. */
  feedbackAcknowledged: number;
}

export interface ProjectBreadth {
  projectId: string;
  name: string;
  level: string;
  indicator: ReturnType<typeof breadthIndicator>;
  breadth: Breadth;
}

export interface YearlyAccountInput {
  year: number;
  organizationId: string;
  generatedAt: string;
  annual: AnnualReport;
  measures: readonly MeasureRow[];
  budget: BudgetFigures | null;
  /** Recorded spending per line (running costs of councils, grants to user organisations), øre. */
  spending: Partial<Record<BudgetLine, number>>;
  trainings: ReadonlyArray<TrainingRecorded['data']>;
  breadth: { organisation: Breadth; projects: readonly ProjectBreadth[] };
  /** Participation money (honorarium, expenses, lost income) by the month of the involvement, øre, Jan–Dec. */
  kronerByMonthOre: readonly number[];
  meetings: MeetingCounts | null;
  confirmations: ConfirmationCounts | null;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
const sumHours = (hours: number[]) => hours.reduce((sum, h) => sum + Math.round(h * 100), 0) / 100;
const byDeadline = (a: MeasureRow, b: MeasureRow) =>
  a.deadline.localeCompare(b.deadline) || a.what.localeCompare(b.what, 'nb');
const measureView = ({ measureId, what, responsible, deadline, status }: MeasureRow) => ({
  measureId,
  what,
  responsible,
  deadline,
  status,
});

/** Where each actual figure comes from, so a reader knows what it rests on. */
const ACTUAL_SOURCE: Record<BudgetLine, string> = {
  honorarium: 'involvements',
  expenses: 'involvements',
  lostIncome: 'involvements',
  councilRunningCosts: 'recorded-spending',
  userOrganizationGrants: 'recorded-spending',
  training: 'training-records',
};

function trainingSummary(trainings: YearlyAccountInput['trainings']) {
  const of = (audience: string) => {
    const courses = trainings.filter((t) => t.audience === audience);
    const people =
      audience === 'staff'
        ? courses.reduce((sum, t) => sum + t.staffCount, 0)
        : new Set(courses.flatMap((t) => t.participantIds)).size;
    const personHours = sumHours(
      courses.map((t) => t.hours * (audience === 'staff' ? t.staffCount : t.participantIds.length)),
    );
    return { courses: courses.length, people, personHours };
  };
  return {
    courses: trainings.length,
    hours: sumHours(trainings.map((t) => t.hours)),
    representatives: of('representatives'),
    staff: of('staff'),
    paidCourses: trainings.filter((t) => t.paid).length,
    costOre: trainings.reduce((sum, t) => sum + t.costOre, 0),
    items: [...trainings]
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.title.localeCompare(b.title, 'nb'))
      .map((t) => ({
        trainingId: t.trainingId,
        title: t.title,
        organiser: t.organiser,
        occurredOn: t.occurredOn,
        hours: t.hours,
        audience: t.audience,
        people: t.audience === 'staff' ? t.staffCount : t.participantIds.length,
        paid: t.paid,
        costOre: t.costOre,
      })),
  };
}

/**
 * The yearly account (årlig rapport, Helse Midt-Norge action plan 2.2.1.1)
 * of one organisation: pure arithmetic over the annual report's participation
 * figures, the action plan, the budget, courses and breadth. Training is
 * reported on its own and never adds to participation.
 */
export function buildYearlyAccount(input: YearlyAccountInput) {
  const { annual } = input;
  const thisYear = input.measures.filter((m) => m.year === input.year).sort(byDeadline);
  const nextYear = input.measures.filter((m) => m.year === input.year + 1).sort(byDeadline);
  const measuresByStatus = Object.fromEntries(
    MEASURE_STATUSES.map((s) => [s, thisYear.filter((m) => m.status === s).length]),
  ) as Record<MeasureStatus, number>;

  const training = trainingSummary(input.trainings);
  const actual: Record<BudgetLine, number> = {
    honorarium: annual.economy.accrued.honorariumOre,
    expenses: annual.economy.accrued.expensesOre,
    lostIncome: annual.economy.accrued.lostIncomeOre,
    councilRunningCosts: input.spending.councilRunningCosts ?? 0,
    userOrganizationGrants: input.spending.userOrganizationGrants ?? 0,
    training: training.costOre,
  };
  const lines = BUDGET_LINES.map((line) => {
    const budgetOre = input.budget ? input.budget[line] : null;
    return {
      line,
      budgetOre,
      actualOre: actual[line],
      differenceOre: budgetOre === null ? null : budgetOre - actual[line],
      actualSource: ACTUAL_SOURCE[line],
    };
  });
  const budgetTotal = input.budget
    ? BUDGET_LINES.reduce((sum, l) => sum + (input.budget as BudgetFigures)[l], 0)
    : null;
  const actualTotal = BUDGET_LINES.reduce((sum, l) => sum + actual[l], 0);

  const present = annual.involvements.total;
  const confirmed = input.confirmations?.involvements ?? null;
  const acknowledged = input.confirmations?.feedbackAcknowledged ?? null;

  return {
    year: input.year,
    organizationId: input.organizationId,
    generatedAt: input.generatedAt,
    measures: {
      byStatus: measuresByStatus,
      thisYear: thisYear.map(measureView),
      nextYear: nextYear.map(measureView),
    },
    meetings: {
      /** `person-meetings-only` until meetings are recorded: then `meetings` holds their counts. */
      source: input.meetings ? ('meetings' as const) : ('person-meetings-only' as const),
      meetings: input.meetings
        ? {
            total: input.meetings.total,
            byLevel: input.meetings.byLevel,
            byForm: input.meetings.byForm,
            byLevelAndForm: input.meetings.byLevelAndForm,
            personMeetings: input.meetings.personMeetings,
            cancelled: input.meetings.cancelled,
          }
        : null,
      personMeetings: {
        total: present,
        byLevel: annual.involvements.byLevel,
        byForm: annual.involvements.byForm,
        byLevelAndForm: annual.involvements.byLevelAndForm,
      },
      /** Not counted: the participant was absent or the meeting cancelled, voided records, peer support. */
      excluded: { ...annual.excluded },
    },
    breadth: input.breadth,
    training,
    shares: {
      of: present,
      feedback: annual.feedback,
      influence: annual.influence,
      confirmation: {
        involvements: confirmed,
        share: confirmed === null ? null : share(confirmed, present),
        source: input.confirmations ? ('confirmations' as const) : ('not-connected' as const),
      },
      feedbackAcknowledged: {
        involvements: acknowledged,
        share: acknowledged === null ? null : share(acknowledged, present),
      },
    },
    symbolicRisk: annual.symbolicRisk,
    economy: {
      budgetSet: input.budget !== null,
      lines,
      total: {
        budgetOre: budgetTotal,
        actualOre: actualTotal,
        differenceOre: budgetTotal === null ? null : budgetTotal - actualTotal,
      },
      unpricedCount: annual.economy.unpricedCount,
    },
    byMonth: Array.from({ length: 12 }, (_, m) => ({
      month: m + 1,
      personMeetings: annual.involvements.byMonth[m]?.involvements ?? 0,
      meetings: input.meetings ? (input.meetings.byMonth[m] ?? 0) : null,
      kronerOre: input.kronerByMonthOre[m] ?? 0,
    })),
  };
}

export type YearlyAccount = ReturnType<typeof buildYearlyAccount>;
