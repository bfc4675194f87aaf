import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, NotFound, type Clock } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../application/event-sourced-repository';
import { AppointmentTerms } from '../application/appointment-terms';
import { todayInOslo } from '../application/oslo-calendar';
import { PersonalDataAccess, registrantOf } from '../application/personal-data-access';
import { assertMayActOnProject } from '../application/project-access';
import { streams } from '../application/streams';
import { decideInvolvement, involvementDecider, meetingDecider, type DetailsInput } from '../domain';
import { InvolvementHonorarium } from './involvement-honorarium';
import type { InvolvementHonorariumView } from './unpriced-honorarium';

/** The id a previewed involvement carries in its calculation: it is never stored. */
export const PREVIEW_INVOLVEMENT_ID = 'preview';

/**
 * A dry run of logging an involvement (`POST /v1/projects/{id}/involvements/preview`):
 * the same checks as logging it (the same 400 and 422 answers, the same access
 * rules), then the honorarium the guideline in force gives, with the person's
 * other involvements that day in the daily caps. Nothing is appended. The
 * 24-hour day is checked when it is saved, under the day's lock.
 */
@Injectable()
export class InvolvementPreviewQueries {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly appointmentTerms: AppointmentTerms,
    private readonly access: PersonalDataAccess,
    private readonly honorarium: InvolvementHonorarium,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(
    projectId: string,
    body: { participantId: string; meetingId?: string | null } & DetailsInput,
    meta: CommandMeta,
  ): Promise<{ honorarium: InvolvementHonorariumView | null }> {
    const { project, participant, appointments } = await this.appointmentTerms.withParties(
      projectId,
      body.participantId,
    );
    if (project.state.status === 'unregistered') throw new NotFound('Project', projectId);
    assertMayActOnProject(meta, project.state);
    if (participant.state.status !== 'unregistered')
      await this.access.assertMayLogFor(body.participantId, registrantOf(participant), meta);
    // The meeting it names is judged as when logging (same project, form and day; a gathering's decisions).
    const meeting =
      typeof body.meetingId === 'string' && body.meetingId !== ''
        ? (await this.repository.load(streams.meeting(body.meetingId), meetingDecider)).state
        : undefined;
    const events = decideInvolvement(
      { type: 'LogInvolvement', data: { involvementId: PREVIEW_INVOLVEMENT_ID, projectId, ...body } },
      involvementDecider.initialState(),
      {
        today: todayInOslo(this.clock),
        project: project.state,
        participant: participant.state,
        appointments,
        otherInvolvementsByDay: {},
        meeting,
      },
    );
    const state = events.reduce(
      (current, event) => involvementDecider.evolve(current, event),
      involvementDecider.initialState(),
    );
    if (state.status !== 'logged') return { honorarium: null };
    // Every guideline version published so far counts, as for an involvement logged now.
    const honorarium = await this.honorarium.calculate(state, project.state.region, Number.MAX_SAFE_INTEGER);
    return { honorarium };
  }
}
