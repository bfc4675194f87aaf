import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/shared-kernel';
import { EventSourcedRepository, type CommandMeta } from '../../application/event-sourced-repository';
import { assertMayActOnProject } from '../../application/project-access';
import { streams } from '../../application/streams';
import { appointmentDecider, decideAppointment, projectDecider } from '../../domain';

export class EndAppointmentCommand {
  constructor(
    readonly appointmentId: string,
    readonly body: { endedOn: string; reason?: string },
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(EndAppointmentCommand)
export class EndAppointmentHandler implements ICommandHandler<EndAppointmentCommand, { version: number }> {
  constructor(private readonly repository: EventSourcedRepository) {}

  async execute({ appointmentId, body, meta }: EndAppointmentCommand): Promise<{ version: number }> {
    const appointment = await this.repository.load(streams.appointment(appointmentId), appointmentDecider);
    if (appointment.state.status === 'none') throw new NotFound('Appointment', appointmentId);
    const project = await this.repository.load(streams.project(appointment.state.projectId), projectDecider);
    assertMayActOnProject(meta, project.state);
    return this.repository.execute(
      streams.appointment(appointmentId),
      appointmentDecider,
      (state) =>
        decideAppointment({ type: 'EndAppointment', data: { appointmentId, ...body } }, state, undefined),
      meta,
    );
  }
}
