import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isForgotten, PersonalDataVault } from '@app/participation';
import { BreadthSeal } from '../application/breadth-seal';
import { aggregateBreadth, breadthIndicator, type BreadthPerson } from '../domain/breadth/breadth';
import type { ProjectBreadth } from '../domain/account/yearly-account';
import type { Perspective } from '../domain/vocabulary';

/**
 * Who took part (present, in a counted involvement) in the organisation's
 * projects in the year, project by project, read from the reporting
 * context's participation facts.
 */
const PRESENT_PEOPLE = `
  SELECT DISTINCT p.project_id, p.name, p.level, i.participant_id
  FROM reporting_involvements i JOIN reporting_projects p ON p.project_id = i.project_id
  WHERE p.organization_id = $1 AND i.occurred_on LIKE $2 AND i.status = 'logged'
    AND i.counts_as_participation AND i.attendance NOT IN ('absent', 'cancelled')
  ORDER BY p.name, p.project_id`;

/** Who took part (present, in a counted involvement) in one project, in any year. */
const PRESENT_IN_PROJECT = `
  SELECT DISTINCT i.participant_id FROM reporting_involvements i
  WHERE i.project_id = $1 AND i.status = 'logged'
    AND i.counts_as_participation AND i.attendance NOT IN ('absent', 'cancelled')`;

/**
 * Representation breadth: perspectives and consented attributes of the
 * people who took part, opened only in memory for the aggregate and never
 * returned one by one; every count below 5 suppressed.
 */
@Injectable()
export class BreadthQueries {
  constructor(
    private readonly db: DataSource,
    private readonly seal: BreadthSeal,
    private readonly vault: PersonalDataVault,
  ) {}

  async forOrganisation(organizationId: string, year: number) {
    const rows: Array<{ project_id: string; name: string; level: string; participant_id: string }> =
      await this.db.query(PRESENT_PEOPLE, [organizationId, `${year}-%`]);
    const people = await this.people([...new Set(rows.map((r) => r.participant_id))]);
    const projects = new Map<string, { name: string; level: string; people: BreadthPerson[] }>();
    for (const r of rows) {
      const project = projects.get(r.project_id) ?? { name: r.name, level: r.level, people: [] };
      project.people.push(people.get(r.participant_id) as BreadthPerson);
      projects.set(r.project_id, project);
    }
    return {
      organisation: aggregateBreadth([...people.values()]),
      projects: [...projects].map(([projectId, p]): ProjectBreadth => ({
        projectId,
        name: p.name,
        level: p.level,
        indicator: breadthIndicator(p.people),
        breadth: aggregateBreadth(p.people),
      })),
    };
  }

  /** The breadth indicator of one project (GET /v1/audit/projects/{id}/participation), groups suppressed below 5. */
  async indicatorForProject(projectId: string): Promise<ReturnType<typeof breadthIndicator>> {
    const rows: Array<{ participant_id: string }> = await this.db.query(PRESENT_IN_PROJECT, [projectId]);
    const people = await this.people(rows.map((r) => r.participant_id));
    return breadthIndicator([...people.values()]);
  }

  private async people(participantIds: string[]): Promise<Map<string, BreadthPerson>> {
    const rows: Array<{
      participant_id: string;
      perspectives_sealed: string | null;
      consent_id: string | null;
      attributes_sealed: string | null;
    }> = await this.db.query(
      `SELECT participant_id, perspectives_sealed, consent_id, attributes_sealed FROM yearly_account_representation
       WHERE participant_id = ANY($1)`,
      [participantIds],
    );
    const known = new Map(rows.map((r) => [r.participant_id, r]));
    const people = new Map<string, BreadthPerson>();
    for (const participantId of participantIds) {
      const row = known.get(participantId);
      const attributes =
        row?.consent_id && row.attributes_sealed
          ? await this.seal.open(participantId, row.consent_id, row.attributes_sealed)
          : null;
      people.set(participantId, {
        participantId,
        perspectives: row?.perspectives_sealed
          ? await this.perspectives(participantId, row.perspectives_sealed)
          : [],
        attributes,
      });
    }
    return people;
  }

  /** Opened in memory only; a forgotten person has none. */
  private async perspectives(participantId: string, sealed: string): Promise<Perspective[]> {
    const opened = await this.vault.open<{ perspectives: Perspective[] }>(participantId, sealed);
    return isForgotten(opened) ? [] : opened.perspectives;
  }
}
