import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Response schemas of the reporting endpoints.

const DATE = { type: 'string', format: 'date', example: '2025-05-20' } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;
const SHARE = { type: 'number', minimum: 0, maximum: 1 } as const;
const COUNTS = { type: 'object', additionalProperties: COUNT } as const;

export class IndicatorsView {
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'null: no invitation recorded (not-documented)',
  })
  invitedInGoodTime!: boolean | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'null: no attendance recorded (not-documented)',
  })
  attended!: boolean | null;
  @ApiProperty() heard!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: the feedback window is still open' })
  toldBack!: boolean | null;
  @ApiProperty() influence!: boolean;
}

export class AssessedInvolvementView {
  @ApiProperty() involvementId!: string;
  @ApiPropertyOptional() participantId?: string;
  @ApiPropertyOptional() form?: string;
  @ApiPropertyOptional(DATE) occurredOn?: string;
  @ApiPropertyOptional() attendance?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The meeting it belongs to; its invitation and feedback count for it',
  })
  meetingId?: string | null;
  @ApiProperty({ type: [String] }) evidence!: string[];
  @ApiProperty({ type: IndicatorsView }) indicators!: IndicatorsView;
  @ApiProperty({
    enum: [
      'confirmed-by-participant',
      'disputed-by-participant',
      'logged-absent',
      'attendance-record',
      'not-documented',
    ],
    description:
      'What "attended" rests on, strongest first: the participant’s own confirmation or dispute of attendance, then logged absent or an attendance record',
  })
  attendanceEvidence!: string;
  @ApiProperty({ description: 'The participant acknowledged a recorded feedback' })
  feedbackAcknowledged!: boolean;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: ['invitedInGoodTime', 'attended'] },
    description: 'Indicators with no record to judge them by',
  })
  notDocumented!: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: ['feedback-before-meeting', 'feedback-late'] },
    description: 'Why recorded feedback did not count as timely, one per such feedback',
  })
  findings!: string[];
}

export class ExplanationView {
  @ApiProperty() reason!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [String] }) involvementIds!: string[];
}

export class MilestoneDayView {
  @ApiProperty({ enum: ['options-chosen', 'decision-taken'] }) kind!: string;
  @ApiProperty(DATE) on!: string;
}

/** "Involved early": users met before the first decision milestone after the mandate. */
export class InvolvedEarlyView {
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'null: no milestone after the mandate is recorded yet',
  })
  early!: boolean | null;
  @ApiProperty({ ...DATE, nullable: true }) firstMeetingWithUsers!: string | null;
  @ApiProperty({ type: MilestoneDayView, nullable: true })
  firstMilestoneAfterMandate!: MilestoneDayView | null;
}

export class ParticipationAssessmentView {
  @ApiProperty() projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ enum: ['individual', 'service', 'system'] }) level!: string;
  @ApiProperty(DATE) assessedOn!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'invitationDays, feedbackDays, minRepresentatives, minShare',
  })
  thresholds!: object;
  @ApiProperty({ enum: ['real', 'symbolic-risk'] }) classification!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: [ExplanationView] }) explanations!: ExplanationView[];
  @ApiProperty({
    ...COUNT,
    nullable: true,
    description:
      'The fewest members and leaders appointed on the day of a council, panel or group meeting; null without such meetings',
  })
  appointedRepresentatives!: number | null;
  @ApiProperty({ type: InvolvedEarlyView }) involvedEarly!: InvolvedEarlyView;
  @ApiProperty({
    type: 'object',
    properties: {
      perspectivesCovered: { type: 'integer', minimum: 0, maximum: 2 },
      groupsCovered: { type: 'integer', minimum: 0, nullable: true },
    },
    description:
      'Representation breadth of the people who took part: perspectives (user, next of kin) and groups covered; groups null below 5 consented',
  })
  breadth!: object;
  @ApiProperty({ type: [AssessedInvolvementView] }) involvements!: AssessedInvolvementView[];
  @ApiProperty({ type: 'object', additionalProperties: COUNT }) excluded!: object;
}

export class AnnualReportView {
  @ApiProperty({ type: 'integer', example: 2025 }) year!: number;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'total and byLevel' })
  projects!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'total, byLevel, byForm, byLevelAndForm, byMonth',
  })
  involvements!: object;
  @ApiProperty(COUNTS) excluded!: object;
  @ApiProperty({ ...COUNT, description: 'Distinct participants' }) people!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', minimum: 0 } }) hours!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'accrued and paid, in øre (integers)',
  })
  economy!: object;
  @ApiProperty({ type: 'object', properties: { involvements: COUNT, share: SHARE } }) feedback!: object;
  @ApiProperty({ type: 'object', properties: { involvements: COUNT, share: SHARE } }) influence!: object;
  @ApiProperty({
    type: 'object',
    properties: { involvements: COUNT, share: SHARE },
    description: 'Involvements whose participant’s latest word on attendance is a confirmation',
  })
  participantConfirmation!: object;
  @ApiProperty({
    type: 'object',
    properties: { involvements: COUNT, share: SHARE },
    description: 'Involvements where the participant acknowledged a recorded feedback',
  })
  feedbackAcknowledged!: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'projects, of, items' })
  symbolicRisk!: object;
  @ApiProperty({
    type: 'object',
    properties: {
      total: COUNT,
      byLevel: COUNTS,
      byForm: COUNTS,
      personMeetings: { ...COUNT, description: 'Involvements in them where the participant was there' },
      cancelled: { ...COUNT, description: 'Cancelled meetings, left out of the counts' },
    },
    description: 'Meetings (møter) held in the year, cancelled ones excluded',
  })
  meetings!: object;
}
