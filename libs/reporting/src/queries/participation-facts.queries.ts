import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EvidenceFact, InvolvementFacts, ReportProject } from '../domain';

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

  /** Every involvement that took place in the year (of the organisation's projects when given), with its projects. */
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
