import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ParticipationModule } from '@app/participation';
import { AppointmentsController } from './appointments.controller';
import { InvolvementsController } from './involvements.controller';
import { MeetingsController } from './meetings.controller';
import { ParticipantsController } from './participants.controller';
import { ProjectsController } from './projects.controller';

@Module({
  imports: [CqrsModule, ParticipationModule],
  controllers: [
    ProjectsController,
    ParticipantsController,
    InvolvementsController,
    AppointmentsController,
    MeetingsController,
  ],
})
export class ParticipationHttpModule {}
