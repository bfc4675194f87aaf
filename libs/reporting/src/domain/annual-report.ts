import type { ProjectReality } from './classify-project';
import { NO_MONEY, type EconomyFigures } from './economy';
import { attendanceEvidenceOf } from './involvement-indicators';
import { countsAsParticipation, type InvolvementFacts } from './participation-facts';

export interface ReportProject {
  projectId: string;
  name: string;
  organizationId: string;
  level: string;
}

export interface PaidFigures extends EconomyFigures {
  lineCount: number;
}

/** A counted involvement that could not be priced: why (`unpriced`, `no-guideline-in-force`) and the reason. */
export interface UnpricedInvolvement {
  involvementId: string;
  status: string;
  reason: string;
  region?: string;
  firstEffectiveFrom?: string | null;
}

export interface AnnualReportInput {
  year: number;
  organizationId: string | null;
  generatedAt: string;
  levels: readonly string[];
  /** The forms that count as participation, in display order (peer support is not one). */
  forms: readonly string[];
  projects: ReadonlyMap<string, ReportProject>;
  /** Every involvement of the year, voided and peer support included: they are counted as excluded only. */
  involvements: readonly InvolvementFacts[];
  /** What the counted involvements are priced at, summed (the priced-involvement read model's lines). */
  accrued: EconomyFigures;
  /** Counted involvements that could not be priced: not in `accrued`, named with the reason. */
  unpriced?: readonly UnpricedInvolvement[];
  /** Null when no payouts source is connected. */
  paid: PaidFigures | null;
  assessments: ReadonlyArray<{ projectId: string; reality: ProjectReality }>;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
const zeroes = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
/** Decimal hours summed in hundredths, so 0.1 + 0.2 stays 0.3. */
const sumHours = (hours: number[]) => hours.reduce((sum, h) => sum + Math.round(h * 100), 0) / 100;

/** Attendances where the participant was not there: no participation, whatever else was logged. */
const NOT_PRESENT: readonly string[] = ['absent', 'cancelled'];

/**
 * What the report counts of the year's participation: projects, involvements,
 * people and hours. Absences (and cancellations) are left out of them and
 * counted as excluded, with voided involvements and peer support.
 */
export interface ParticipationCounts {
  projects: { total: number; byLevel: Record<string, number> };
  involvements: {
    total: number;
    byLevel: Record<string, number>;
    byForm: Record<string, number>;
    byLevelAndForm: Record<string, Record<string, number>>;
    byMonth: Array<{ month: number; involvements: number }>;
  };
  excluded: { voided: number; peerSupport: number; absent: number };
  /** Distinct participants present at least once in a counted involvement. */
  people: number;
  /** Hours of the present involvements, summed in hundredths. */
  hours: { meeting: number; preparation: number; travel: number; total: number };
}

/** Counted as participation and the participant was there: what the counts, people, hours and shares cover. */
export function isPresent(i: Pick<InvolvementFacts, 'status' | 'countsAsParticipation' | 'attendance'>) {
  return countsAsParticipation(i) && !NOT_PRESENT.includes(i.attendance);
}

/** All levels and forms present (zero when none), in display order. */
export function emptyCounts(levels: readonly string[], forms: readonly string[]): ParticipationCounts {
  return {
    projects: { total: 0, byLevel: zeroes(levels) },
    involvements: {
      total: 0,
      byLevel: zeroes(levels),
      byForm: zeroes(forms),
      byLevelAndForm: Object.fromEntries(levels.map((l) => [l, zeroes(forms)])),
      byMonth: Array.from({ length: 12 }, (_, m) => ({ month: m + 1, involvements: 0 })),
    },
    excluded: { voided: 0, peerSupport: 0, absent: 0 },
    people: 0,
    hours: { meeting: 0, preparation: 0, travel: 0, total: 0 },
  };
}

/**
 * The counts folded in memory from every involvement of the year: the
 * definition the SQL aggregates of the reporting read model must equal
 * (ParticipationFactsQueries.countsForYear; docs/adr/0031).
 */
export function countParticipation(input: {
  levels: readonly string[];
  forms: readonly string[];
  projects: ReadonlyMap<string, ReportProject>;
  involvements: readonly InvolvementFacts[];
}): ParticipationCounts {
  const counts = emptyCounts(input.levels, input.forms);
  const counted = input.involvements.filter(countsAsParticipation);
  const present = counted.filter(isPresent);
  const levelOf = (i: InvolvementFacts) => input.projects.get(i.projectId)?.level ?? 'unknown';
  const projectIds = [...new Set(present.map((i) => i.projectId))];

  const { byLevel: projectsByLevel } = counts.projects;
  for (const id of projectIds) {
    const level = input.projects.get(id)?.level ?? 'unknown';
    projectsByLevel[level] = (projectsByLevel[level] ?? 0) + 1;
  }
  const { byLevel, byForm, byLevelAndForm, byMonth } = counts.involvements;
  for (const i of present) {
    const level = levelOf(i);
    byLevel[level] = (byLevel[level] ?? 0) + 1;
    byForm[i.form] = (byForm[i.form] ?? 0) + 1;
    byLevelAndForm[level] ??= zeroes(input.forms);
    byLevelAndForm[level][i.form] = (byLevelAndForm[level][i.form] ?? 0) + 1;
    byMonth[Number(i.occurredOn.slice(5, 7)) - 1].involvements += 1;
  }
  return {
    projects: { total: projectIds.length, byLevel: projectsByLevel },
    involvements: { total: present.length, byLevel, byForm, byLevelAndForm, byMonth },
    excluded: {
      voided: input.involvements.filter((i) => i.status === 'voided').length,
      peerSupport: input.involvements.filter((i) => i.status === 'logged' && !i.countsAsParticipation).length,
      absent: counted.length - present.length,
    },
    people: new Set(present.map((i) => i.participantId)).size,
    hours: {
      meeting: sumHours(present.map((i) => i.hours.meeting)),
      preparation: sumHours(present.map((i) => i.hours.preparation)),
      travel: sumHours(present.map((i) => i.hours.travel)),
      total: sumHours(present.flatMap((i) => [i.hours.meeting, i.hours.preparation, i.hours.travel])),
    },
  };
}

/**
 * The trust's yearly account of participation (årlig rapportering): pure
 * arithmetic over the year's facts, folded in memory (the definition; the
 * API composes the same report from SQL counts with `composeAnnualReport`).
 */
export function buildAnnualReport(input: AnnualReportInput) {
  const { involvements, ...rest } = input;
  return composeAnnualReport({
    ...rest,
    counts: countParticipation(input),
    present: involvements.filter(isPresent),
  });
}

/**
 * The report from the year's counts (`countParticipation`, or the same
 * figures as SQL aggregates) and the present involvements with their
 * evidence, which the feedback, influence and confirmation shares judge one
 * by one. Participation counts, people, hours and the shares leave out
 * absences (and cancellations); the economy keeps them, since expenses may be covered.
 */
export function composeAnnualReport(
  input: Omit<AnnualReportInput, 'involvements'> & {
    counts: ParticipationCounts;
    /** The present involvements (`isPresent`), with their own evidence. */
    present: readonly InvolvementFacts[];
  },
) {
  const { counts, present } = input;
  // Feedback counts as the audit counts it (told back): given on or after the day, given and recorded within the
  // window. Feedback dated before the meeting, or back-dated after an audit request, does not raise the share.
  const toldBack = new Set(
    input.assessments.flatMap((a) =>
      a.reality.involvements.filter((i) => i.indicators.toldBack === true).map((i) => i.involvementId),
    ),
  );
  const withFeedback = present.filter((i) => toldBack.has(i.involvementId)).length;
  const withInfluence = present.filter((i) => i.evidence.some((e) => e.kind === 'influence')).length;
  // The participant's own word (docs/adr/0028): their latest word on attendance is a confirmation.
  const confirmed = present.filter((i) => attendanceEvidenceOf(i) === 'confirmed-by-participant').length;
  const acknowledged = present.filter((i) =>
    i.evidence.some((e) => e.kind === 'feedback-acknowledgement'),
  ).length;
  const accrued = { ...input.accrued };
  const atRisk = input.assessments
    .filter((a) => a.reality.classification === 'symbolic-risk')
    .map((a) => {
      const project = input.projects.get(a.projectId);
      return {
        projectId: a.projectId,
        name: project?.name ?? a.projectId,
        level: project?.level ?? 'unknown',
        reasons: a.reality.reasons,
        explanations: a.reality.explanations.map((e) => e.message),
      };
    });
  const total = counts.involvements.total;

  return {
    year: input.year,
    organizationId: input.organizationId,
    generatedAt: input.generatedAt,
    projects: counts.projects,
    involvements: counts.involvements,
    excluded: counts.excluded,
    /** Distinct participants present at least once in a counted involvement. */
    people: counts.people,
    hours: counts.hours,
    economy: {
      accrued,
      unpricedCount: input.unpriced?.length ?? 0,
      unpriced: [...(input.unpriced ?? [])].sort((a, b) => a.involvementId.localeCompare(b.involvementId)),
      paid: input.paid ?? { ...NO_MONEY, lineCount: 0 },
      paidSource: input.paid ? ('payouts' as const) : ('not-connected' as const),
      ...(input.paid
        ? {}
        : { note: 'no payouts source is connected to reporting, so paid is reported as 0' }),
    },
    feedback: { involvements: withFeedback, share: share(withFeedback, total) },
    influence: { involvements: withInfluence, share: share(withInfluence, total) },
    participantConfirmation: { involvements: confirmed, share: share(confirmed, total) },
    feedbackAcknowledged: { involvements: acknowledged, share: share(acknowledged, total) },
    symbolicRisk: { projects: atRisk.length, of: input.assessments.length, items: atRisk },
  };
}

export type AnnualReport = ReturnType<typeof composeAnnualReport>;
