import { ApiProperty } from '@nestjs/swagger';
import { AGENDA_SETTERS, MEETING_FORMS } from '@app/participation';
import { GatheringDecisionsDto } from './meeting.dto';

const DATE = { type: 'string', format: 'date', example: '2025-05-20' } as const;
const INSTANT = { type: 'string', format: 'date-time', nullable: true } as const;

export class MeetingListItemView {
  @ApiProperty() id!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty({ enum: MEETING_FORMS }) form!: string;
  @ApiProperty(DATE) heldOn!: string;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status!: string;
  @ApiProperty(INSTANT) invitationSentAt!: string | null;
  @ApiProperty(INSTANT) documentsSharedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) minutesRef!: string | null;
  @ApiProperty(INSTANT) feedbackGivenAt!: string | null;
  @ApiProperty({ type: GatheringDecisionsDto, nullable: true })
  gatheringDecisions!: GatheringDecisionsDto | null;
}

export class MeetingView extends MeetingListItemView {
  @ApiProperty({ type: String, nullable: true }) agenda!: string | null;
  @ApiProperty({ enum: AGENDA_SETTERS, nullable: true }) agendaSetBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancellationReason!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The aggregate version (its ETag)' })
  version!: number;
}

export class MeetingPage {
  @ApiProperty({ type: [MeetingListItemView] }) items!: MeetingListItemView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Cursor of the next page (`?after=`); null on the last',
  })
  next!: string | null;
}
