import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MeetingCounts, MeetingFacts, MilestoneFact } from '../domain';

type MeetingRow = {
  meeting_id: string;
  project_id: string;
  form: string;
  held_on: string;
  cancelled: boolean;
  evidence: MeetingFacts['evidence'];
  involvement_ids: string[];
};

/** Reads the MeetingFacts read model (reporting_meetings, reporting_meeting_involvements, reporting_milestones). */
@Injectable()
export class MeetingFactsQueries {
  constructor(private readonly db: DataSource) {}

  /** The projects' meetings (with the involvements that name them) and milestones. */
  async forProjects(projectIds: readonly string[]) {
    if (projectIds.length === 0)
      return { meetings: [] as MeetingFacts[], milestones: new Map<string, MilestoneFact[]>() };
    const rows: MeetingRow[] = await this.db.query(
      `SELECT m.meeting_id, m.project_id, m.form, to_char(m.held_on, 'YYYY-MM-DD') AS held_on, m.cancelled, m.evidence,
         COALESCE(array_agg(mi.involvement_id ORDER BY mi.involvement_id) FILTER (WHERE mi.involvement_id IS NOT NULL),
           '{}') AS involvement_ids
       FROM reporting_meetings m LEFT JOIN reporting_meeting_involvements mi ON mi.meeting_id = m.meeting_id
       WHERE m.project_id = ANY($1::text[])
       GROUP BY m.meeting_id ORDER BY m.held_on, m.meeting_id`,
      [projectIds],
    );
    const milestoneRows: Array<{ project_id: string; kind: string; at: Date }> = await this.db.query(
      `SELECT project_id, kind, at FROM reporting_milestones WHERE project_id = ANY($1::text[]) ORDER BY at`,
      [projectIds],
    );
    const milestones = new Map<string, MilestoneFact[]>();
    for (const r of milestoneRows)
      milestones.set(r.project_id, [
        ...(milestones.get(r.project_id) ?? []),
        { kind: r.kind, at: r.at.toISOString() },
      ]);
    const meetings = rows.map((r): MeetingFacts => ({
      meetingId: r.meeting_id,
      projectId: r.project_id,
      form: r.form,
      heldOn: r.held_on,
      cancelled: r.cancelled,
      evidence: r.evidence,
      involvementIds: r.involvement_ids,
    }));
    return { meetings, milestones };
  }

  /** The year's meetings (of the organisation's projects when given), counted in SQL. */
  async countsForYear(
    year: number,
    organizationId: string | null,
    levels: readonly string[],
    forms: readonly string[],
  ): Promise<MeetingCounts> {
    const params = [`${year}-01-01`, `${year}-12-31`, organizationId];
    const inYear = `m.held_on >= $1 AND m.held_on <= $2 AND ($3::text IS NULL OR p.organization_id = $3)`;
    const groups: Array<{ form: string; level: string; cancelled: boolean; n: number }> = await this.db.query(
      `SELECT m.form, p.level, m.cancelled, count(*)::int AS n
       FROM reporting_meetings m JOIN reporting_projects p ON p.project_id = m.project_id
       WHERE ${inYear} GROUP BY m.form, p.level, m.cancelled`,
      params,
    );
    const [{ n: personMeetings }]: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n
       FROM reporting_meetings m JOIN reporting_projects p ON p.project_id = m.project_id
         JOIN reporting_meeting_involvements mi ON mi.meeting_id = m.meeting_id
         JOIN reporting_involvements i ON i.involvement_id = mi.involvement_id
       WHERE ${inYear} AND NOT m.cancelled AND i.status = 'logged' AND i.counts_as_participation
         AND i.attendance NOT IN ('absent', 'cancelled')`,
      params,
    );
    const byLevel = Object.fromEntries(levels.map((l) => [l, 0]));
    const byForm = Object.fromEntries(forms.map((f) => [f, 0]));
    let total = 0;
    let cancelled = 0;
    for (const g of groups) {
      if (g.cancelled) {
        cancelled += g.n;
        continue;
      }
      total += g.n;
      byLevel[g.level] = (byLevel[g.level] ?? 0) + g.n;
      byForm[g.form] = (byForm[g.form] ?? 0) + g.n;
    }
    return { total, byLevel, byForm, personMeetings, cancelled };
  }

  /** The year's held meetings (cancelled ones left out) by level and form, and per month (index 0 = January). */
  async breakdownForYear(
    year: number,
    organizationId: string | null,
  ): Promise<{ byLevelAndForm: Record<string, Record<string, number>>; byMonth: number[] }> {
    const groups: Array<{ form: string; level: string; month: number; n: number }> = await this.db.query(
      `SELECT m.form, p.level, extract(month FROM m.held_on)::int AS month, count(*)::int AS n
       FROM reporting_meetings m JOIN reporting_projects p ON p.project_id = m.project_id
       WHERE m.held_on >= $1 AND m.held_on <= $2 AND ($3::text IS NULL OR p.organization_id = $3)
         AND NOT m.cancelled
       GROUP BY m.form, p.level, month`,
      [`${year}-01-01`, `${year}-12-31`, organizationId],
    );
    const byLevelAndForm: Record<string, Record<string, number>> = {};
    const byMonth = Array.from({ length: 12 }, () => 0);
    for (const g of groups) {
      byLevelAndForm[g.level] ??= {};
      byLevelAndForm[g.level][g.form] = (byLevelAndForm[g.level][g.form] ?? 0) + g.n;
      byMonth[g.month - 1] += g.n;
    }
    return { byLevelAndForm, byMonth };
  }
}
