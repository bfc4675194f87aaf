import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  emptyCounts,
  type EvidenceFact,
  type InvolvementFacts,
  type ParticipationCounts,
  type ReportProject,
} from '../domain';

type InvolvementRow = {
  involvement_id: string;
  project_id: string;
  participant_id: string;
  form: string;
  occurred_on: string;
  attendance: string;
  meeting_hours: string;
  preparation_hours: string;
  travel_hours: string;
  status: 'logged' | 'voided';
  counts_as_participation: boolean;
  evidence: EvidenceFact[];
};

const COLUMNS = `i.involvement_id, i.project_id, i.participant_id, i.form, i.occurred_on, i.attendance, i.meeting_hours,
  i.preparation_hours, i.travel_hours, i.status, i.counts_as_participation, i.evidence`;

function toFacts(r: InvolvementRow): InvolvementFacts {
  return {
    involvementId: r.involvement_id,
    projectId: r.project_id,
    participantId: r.participant_id,
    form: r.form,
    occurredOn: r.occurred_on,
    attendance: r.attendance,
    hours: {
      meeting: Number(r.meeting_hours),
      preparation: Number(r.preparation_hours),
      travel: Number(r.travel_hours),
    },
    status: r.status,
    countsAsParticipation: r.counts_as_participation,
    evidence: r.evidence,
  };
}

/** The year's involvements (of the organisation's projects when given): parameters $1 to $3. */
const IN_YEAR = `FROM reporting_involvements i JOIN reporting_projects p ON p.project_id = i.project_id
  WHERE i.occurred_on >= $1 AND i.occurred_on <= $2 AND ($3::text IS NULL OR p.organization_id = $3)`;
const COUNTED = `i.status = 'logged' AND i.counts_as_participation`;
const PRESENT = `${COUNTED} AND i.attendance NOT IN ('absent', 'cancelled')`;
/** Hours in hundredths exactly as JavaScript's Math.round(h * 100) rounds the same double (half up). */
const HUNDREDTHS = (column: string) =>
  `coalesce(sum(floor(i.${column}::float8 * 100 + 0.5)) FILTER (WHERE ${PRESENT}), 0)::bigint::text`;

type CountRow = {
  /** GROUPING(level, form, month): 0 = one level, form and month; 3 = one level; 7 = the whole year. */
  grouping: number;
  level: string | null;
  form: string | null;
  month: number | null;
  present: number;
  voided: number;
  peer_support: number;
  absent: number;
  meeting: string;
  preparation: string;
  travel: string;
  projects: number;
  people: number;
};

/** Reads the ParticipationFacts read model (tables reporting_projects, reporting_involvements). */
@Injectable()
export class ParticipationFactsQueries {
  constructor(private readonly db: DataSource) {}

  async forProject(projectId: string): Promise<InvolvementFacts[]> {
    const rows: InvolvementRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM reporting_involvements i WHERE i.project_id = $1 ORDER BY i.occurred_on, i.involvement_id`,
      [projectId],
    );
    return rows.map(toFacts);
  }

  /**
   * The year's counts as SQL aggregates (docs/adr/0031), in one statement:
   * involvements, absences, voided and peer support by level, form and month,
   * hours in hundredths, distinct projects per level and distinct people.
   * Equal to `countParticipation` over every involvement of the year.
   */
  async countsForYear(
    year: number,
    organizationId: string | null,
    levels: readonly string[],
    forms: readonly string[],
  ): Promise<ParticipationCounts> {
    const rows: CountRow[] = await this.db.query(
      `SELECT GROUPING(p.level, i.form, substr(i.occurred_on, 6, 2))::int AS grouping,
         p.level, i.form, substr(i.occurred_on, 6, 2)::int AS month,
         count(*) FILTER (WHERE ${PRESENT})::int AS present,
         count(*) FILTER (WHERE i.status = 'voided')::int AS voided,
         count(*) FILTER (WHERE i.status = 'logged' AND NOT i.counts_as_participation)::int AS peer_support,
         count(*) FILTER (WHERE ${COUNTED} AND i.attendance IN ('absent', 'cancelled'))::int AS absent,
         ${HUNDREDTHS('meeting_hours')} AS meeting, ${HUNDREDTHS('preparation_hours')} AS preparation,
         ${HUNDREDTHS('travel_hours')} AS travel,
         count(DISTINCT i.project_id) FILTER (WHERE ${PRESENT})::int AS projects,
         count(DISTINCT i.participant_id) FILTER (WHERE ${PRESENT})::int AS people
       ${IN_YEAR}
       GROUP BY GROUPING SETS ((p.level, i.form, substr(i.occurred_on, 6, 2)), (p.level), ())
       ORDER BY grouping, p.level, i.form, month`,
      [`${year}-01-01`, `${year}-12-31`, organizationId],
    );
    const counts = emptyCounts(levels, forms);
    const { involvements, excluded } = counts;
    let hundredths = { meeting: 0, preparation: 0, travel: 0 };
    for (const r of rows) {
      if (r.grouping === 7) {
        counts.people = r.people;
        hundredths = {
          meeting: Number(r.meeting),
          preparation: Number(r.preparation),
          travel: Number(r.travel),
        };
        Object.assign(excluded, { voided: r.voided, peerSupport: r.peer_support, absent: r.absent });
        involvements.total = r.present;
        continue;
      }
      const level = r.level as string;
      if (r.grouping === 3) {
        if (r.projects === 0) continue;
        counts.projects.byLevel[level] = r.projects;
        counts.projects.total += r.projects;
        continue;
      }
      if (r.present === 0) continue;
      const form = r.form as string;
      involvements.byLevel[level] = (involvements.byLevel[level] ?? 0) + r.present;
      involvements.byForm[form] = (involvements.byForm[form] ?? 0) + r.present;
      involvements.byLevelAndForm[level] ??= Object.fromEntries(forms.map((f) => [f, 0]));
      involvements.byLevelAndForm[level][form] = (involvements.byLevelAndForm[level][form] ?? 0) + r.present;
      involvements.byMonth[(r.month as number) - 1].involvements += r.present;
    }
    const { meeting, preparation, travel } = hundredths;
    counts.hours = {
      meeting: meeting / 100,
      preparation: preparation / 100,
      travel: travel / 100,
      total: (meeting + preparation + travel) / 100,
    };
    return counts;
  }

  /**
   * What the per-project reality classification folds, in two statements: the projects with an
   * involvement that counts as participation in the year (in the order of their first), and those
   * involvements with their evidence, cancellations left out (a meeting the organiser cancelled never
   * took place), in day order and grouped by project once.
   */
  async assessedInYear(year: number, organizationId: string | null) {
    const params = [`${year}-01-01`, `${year}-12-31`, organizationId];
    const projectRows: Array<{ project_id: string; name: string; organization_id: string; level: string }> =
      await this.db.query(
        `SELECT project_id, name, organization_id, level FROM (
           SELECT DISTINCT ON (p.project_id) p.project_id, p.name, p.organization_id, p.level, i.occurred_on,
             i.involvement_id ${IN_YEAR} AND ${COUNTED}
           ORDER BY p.project_id, i.occurred_on, i.involvement_id) first
         ORDER BY occurred_on, involvement_id`,
        params,
      );
    const rows: InvolvementRow[] = await this.db.query(
      `SELECT ${COLUMNS} ${IN_YEAR} AND ${COUNTED} AND i.attendance <> 'cancelled'
       ORDER BY i.occurred_on, i.involvement_id`,
      params,
    );
    const projects = new Map<string, ReportProject>(
      projectRows.map((r) => [
        r.project_id,
        { projectId: r.project_id, name: r.name, organizationId: r.organization_id, level: r.level },
      ]),
    );
    const byProject = new Map<string, InvolvementFacts[]>([...projects.keys()].map((id) => [id, []]));
    const involvements = rows.map(toFacts);
    for (const i of involvements) byProject.get(i.projectId)?.push(i);
    return { projects, involvements, byProject };
  }

  /**
   * Every involvement that took place in the year (of the organisation's projects when given), with its
   * projects: the input of the in-memory definition (`countParticipation`) the aggregates are tested against.
   */
  async forYear(year: number, organizationId: string | null) {
    const rows: Array<InvolvementRow & { name: string; organization_id: string; level: string }> =
      await this.db.query(
        `SELECT ${COLUMNS}, p.name, p.organization_id, p.level
         FROM reporting_involvements i JOIN reporting_projects p ON p.project_id = i.project_id
         WHERE i.occurred_on >= $1 AND i.occurred_on <= $2 AND ($3::text IS NULL OR p.organization_id = $3)
         ORDER BY i.occurred_on, i.involvement_id`,
        [`${year}-01-01`, `${year}-12-31`, organizationId],
      );
    const projects = new Map<string, ReportProject>(
      rows.map((r) => [
        r.project_id,
        { projectId: r.project_id, name: r.name, organizationId: r.organization_id, level: r.level },
      ]),
    );
    return { projects, involvements: rows.map(toFacts) };
  }
}
