import { Inject, Injectable } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import { ParticipationQueries } from '@app/participation';
import { CLOCK, Forbidden, type Clock } from '@app/shared-kernel';
import { REALITY_THRESHOLDS } from '../config/reporting-config';
import { classifyProject, osloDate, type RealityThresholds } from '../domain';
import { ParticipationFactsQueries } from './participation-facts.queries';
import { MeetingFactsQueries } from './meeting-facts.queries';
import type { Reader } from './reader';

/** GET /v1/audit/projects/{id}/participation: was the participation in this project real? */
@Injectable()
export class ParticipationRealityQueries {
  constructor(
    private readonly participation: ParticipationQueries,
    private readonly facts: ParticipationFactsQueries,
    private readonly meetingFacts: MeetingFactsQueries,
    private readonly accessLog: AccessLog,
    @Inject(REALITY_THRESHOLDS) private readonly thresholds: RealityThresholds,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forProject(projectId: string, reader: Reader) {
    const project = await this.participation.project(projectId);
    const leads = project.leads.map((l) => l.sub);
    if (
      !['admin', 'auditor'].some((role) => reader.roles.includes(role)) &&
      !(reader.roles.includes('project-lead') && leads.includes(reader.actor))
    )
      throw new Forbidden('only auditors, admins and leads of this project may read its participation audit');

    const involvements = await this.facts.forProject(projectId);
    const { meetings, milestones } = await this.meetingFacts.forProjects([projectId]);
    const today = osloDate(this.clock.now());
    const reality = classifyProject({
      involvements,
      appointments: project.appointments,
      thresholds: this.thresholds,
      today,
      meetings,
      milestones: milestones.get(projectId) ?? [],
    });
    const meetingOf = new Map(
      meetings.flatMap((m) => m.involvementIds.map((id) => [id, m.meetingId] as const)),
    );
    await this.accessLog.record({
      actor: reader.actor,
      roles: reader.roles,
      action: 'audit-query',
      subject: projectId,
      detail: { view: 'participation-reality' },
    });
    const byId = new Map(involvements.map((i) => [i.involvementId, i]));
    return {
      projectId,
      name: project.name,
      organizationId: project.organizationId,
      level: project.level,
      assessedOn: today,
      thresholds: this.thresholds,
      classification: reality.classification,
      reasons: reality.reasons,
      explanations: reality.explanations,
      appointedRepresentatives: reality.appointedRepresentatives,
      involvedEarly: reality.involvedEarly,
      involvements: reality.involvements.map((assessed) => {
        const { involvementId, indicators, notDocumented, findings } = assessed;
        const facts = byId.get(involvementId);
        return {
          involvementId,
          participantId: facts?.participantId,
          form: facts?.form,
          occurredOn: facts?.occurredOn,
          attendance: facts?.attendance,
          meetingId: meetingOf.get(involvementId) ?? null,
          evidence: facts?.evidence.map((e) => e.kind) ?? [],
          indicators,
          attendanceEvidence: assessed.attendanceEvidence,
          feedbackAcknowledged: assessed.feedbackAcknowledged,
          notDocumented,
          findings,
        };
      }),
      excluded: reality.excluded,
    };
  }
}
