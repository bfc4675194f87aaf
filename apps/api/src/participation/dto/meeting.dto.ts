import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AGENDA_SETTERS, MEETING_FORMS, MEETING_UPDATE_KINDS, MILESTONE_KINDS } from '@app/participation';

/** A user gathering's two decisions, once for the whole gathering. */
export class GatheringDecisionsDto {
  @ApiProperty({ example: true, description: 'Are documented expenses covered' })
  @IsBoolean()
  expensesCovered!: boolean;
  @ApiProperty({ example: false, description: 'Is honorarium paid' })
  @IsBoolean()
  honorariumPaid!: boolean;
}

export class RegisterMeetingDto {
  @ApiProperty({ enum: MEETING_FORMS, example: 'user-council' })
  @IsIn(MEETING_FORMS)
  form!: string;
  @ApiProperty({ format: 'date', example: '2025-05-20', description: 'The day it is (or was) held' })
  @IsISO8601({ strict: true })
  heldOn!: string;
  @ApiPropertyOptional({
    maxLength: 5000,
    description: 'About the meeting, not a person: stored plain, refused when it holds a national id',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  agenda?: string;
  @ApiPropertyOptional({ enum: AGENDA_SETTERS, description: 'Who set the agenda' })
  @IsOptional()
  @IsIn(AGENDA_SETTERS)
  agendaSetBy?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2025-05-06T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  invitationSentAt?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2025-05-06T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  documentsSharedAt?: string;
  @ApiPropertyOptional({ maxLength: 300, example: 'sak 2025/114, referat' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  minutesRef?: string;
  @ApiPropertyOptional({
    type: GatheringDecisionsDto,
    description: 'Required for user-gathering (422 gathering-decisions-required), refused for other forms',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GatheringDecisionsDto)
  gatheringDecisions?: GatheringDecisionsDto;
}

export class UpdateMeetingDto {
  @ApiProperty({ enum: MEETING_UPDATE_KINDS, example: 'feedback-given' })
  @IsIn(MEETING_UPDATE_KINDS)
  kind!: string;
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2025-05-27T12:00:00Z',
    description: 'invitation-sent, documents-shared, feedback-given: required; not in the future',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
  @ApiPropertyOptional({ maxLength: 300, description: 'minutes: required (the minutes reference)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  ref?: string;
  @ApiPropertyOptional({ maxLength: 2000, description: 'cancelled: required' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class RecordMilestoneDto {
  @ApiProperty({ enum: MILESTONE_KINDS, example: 'options-chosen' })
  @IsIn(MILESTONE_KINDS)
  kind!: string;
  @ApiProperty({ format: 'date-time', example: '2025-04-01T10:00:00Z', description: 'Not in the future' })
  @IsISO8601({ strict: true })
  at!: string;
  @ApiPropertyOptional({ maxLength: 300, example: 'styresak 12/25' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  ref?: string;
}
