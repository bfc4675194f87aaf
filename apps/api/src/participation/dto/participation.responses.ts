import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  APPOINTED_FORMS,
  APPOINTMENT_ROLES,
  ATTENDANCES,
  NOMINATING_BODY_KINDS,
  HONORARIUM_DECISIONS,
  INVOLVEMENT_FORMS,
  PARTICIPATION_LEVELS,
} from '@app/participation';

// Response schemas of the participation endpoints: what GET and the commands answer.

const DATE = { type: 'string', format: 'date', example: '2025-05-20' } as const;
const INSTANT = { type: 'string', format: 'date-time', example: '2025-05-20T12:00:00.000Z' } as const;
const VERSION = { type: 'integer', minimum: 0, description: 'The aggregate version (its ETag)' } as const;

export class VersionView {
  @ApiProperty(VERSION) version!: number;
}

export class LeadView {
  @ApiProperty({ description: 'The lead’s subject (JWT sub)' }) sub!: string;
}

export class AppointmentView {
  @ApiProperty() id!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ enum: APPOINTMENT_ROLES }) role!: string;
  @ApiProperty() nominatedBy!: string;
  @ApiProperty() appointedBy!: string;
  @ApiProperty(DATE) from!: string;
  @ApiProperty({ ...DATE, nullable: true }) to!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) endedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) exceptionReason!: string | null;
  @ApiProperty({
    enum: APPOINTED_FORMS,
    nullable: true,
    description: 'The body appointed to; null when not given (and for appointments made before revision 2)',
  })
  form!: string | null;
  @ApiProperty({ enum: NOMINATING_BODY_KINDS, nullable: true, description: 'What kind of body proposed' })
  nominatedByKind!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The appointing decision, e.g. "Styresak 45/2025"',
  })
  decisionRef!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The mandate (mandat)' }) mandate!: string | null;
}

/** A decision milestone of the project. */
export class MilestoneView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['mandate-set', 'options-chosen', 'decision-taken'] }) kind!: string;
  @ApiProperty(INSTANT) at!: string;
  @ApiProperty({ type: String, nullable: true }) ref!: string | null;
}

export class ProjectView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ description: 'Region code of the honorarium guideline' }) region!: string;
  @ApiProperty({ enum: PARTICIPATION_LEVELS }) level!: string;
  @ApiProperty({ type: [LeadView] }) leads!: LeadView[];
  @ApiProperty({ type: [AppointmentView] }) appointments!: AppointmentView[];
  @ApiProperty({ type: [MilestoneView] }) milestones!: MilestoneView[];
  @ApiProperty({ enum: ['active'] }) status!: string;
  @ApiProperty(VERSION) version!: number;
}

export class InvolvementListItem {
  @ApiProperty() involvementId!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ enum: INVOLVEMENT_FORMS }) form!: string;
  @ApiProperty(DATE) occurredOn!: string;
  @ApiProperty({ enum: ATTENDANCES }) attendance!: string;
  @ApiProperty({ type: 'number', minimum: 0 }) meetingHours!: number;
  @ApiProperty({ enum: ['logged', 'voided'] }) status!: string;
  @ApiProperty() countsAsParticipation!: boolean;
  @ApiProperty() payable!: boolean;
  @ApiProperty({ type: [String] }) evidenceKinds!: string[];
  @ApiProperty(VERSION) version!: number;
  @ApiProperty() loggedBy!: string;
  @ApiProperty(INSTANT) loggedAt!: string;
  @ApiProperty(INSTANT) updatedAt!: string;
}

export class InvolvementPage {
  @ApiProperty({ type: [InvolvementListItem] }) items!: InvolvementListItem[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Cursor of the next page (`?after=`); null on the last',
  })
  next!: string | null;
}

export class EmploymentPeriodView {
  @ApiProperty({ ...DATE, nullable: true, description: 'null: as registered, from the start' }) from!:
    string | null;
  @ApiProperty({ type: [String] }) employedBy!: string[];
}

export class ParticipantView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['active', 'forgotten'] }) status!: string;
  @ApiProperty({ type: [String], description: 'Organisations that employ the person today (Europe/Oslo)' })
  employedBy!: string[];
  @ApiProperty({
    type: [EmploymentPeriodView],
    description: 'Every employment recorded, in the order recorded',
  })
  employment!: EmploymentPeriodView[];
  @ApiProperty(VERSION) version!: number;
  @ApiPropertyOptional({ description: 'Absent once forgotten' }) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, pattern: '^\\d{11}$' }) nationalId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, pattern: '^\\d{11}$' }) bankAccount?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'null once forgotten',
  })
  personalData?: null;
}

export class GuidelineRef {
  @ApiProperty() region!: string;
  @ApiProperty({ ...DATE, description: 'The version (its effective-from date)' }) version!: string;
}

export class HonorariumLineView {
  @ApiProperty({ example: 'meeting' }) kind!: string;
  @ApiProperty({ type: 'number', minimum: 0 }) quantity!: number;
  @ApiProperty({ example: 'hour' }) unit!: string;
  @ApiProperty({ type: 'integer', description: 'øre per unit' }) rateOre!: number;
  @ApiProperty({ type: 'integer', description: 'øre' }) amountOre!: number;
  @ApiProperty() explanation!: string;
  @ApiProperty() taxable!: boolean;
  @ApiProperty({ description: 'The income type reported to the tax authority, or `none`' })
  incomeType!: string;
}

export class RateTablesView {
  @ApiProperty({ ...DATE, nullable: true }) stateTravel!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) taxFreeMileage!: string | null;
}

export class HonorariumView {
  @ApiProperty({ type: [HonorariumLineView] }) lines!: HonorariumLineView[];
  @ApiProperty({ type: 'integer', description: 'øre; the sum of the lines' }) totalOre!: number;
  @ApiProperty({ type: GuidelineRef }) guideline!: GuidelineRef;
  @ApiProperty({ type: RateTablesView }) rateTables!: RateTablesView;
}

/** A logged involvement that cannot be priced, and why (docs/adr/0015, 0020). */
export class UnpricedEntryView {
  @ApiProperty({
    enum: ['unpriced', 'no-guideline-in-force'],
    description:
      '`unpriced`: the calculator refuses a stored value; `no-guideline-in-force`: no guideline version of the region covers the day',
  })
  status!: string;
  @ApiProperty() involvementId!: string;
  @ApiProperty({ description: 'Names the involvement and why it cannot be priced' }) reason!: string;
  @ApiPropertyOptional({ description: 'no-guideline-in-force: the project’s region' }) region?: string;
  @ApiPropertyOptional({
    ...DATE,
    nullable: true,
    description: 'no-guideline-in-force: the region’s earliest effective date; null when it has no guideline',
  })
  firstEffectiveFrom?: string | null;
}

export class UnpricedHonorariumView extends UnpricedEntryView {
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    description: 'unpriced: the calculator’s field errors',
  })
  errors?: Array<{ field: string; message: string }>;
}

export class HistoryEntryView {
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty() type!: string;
  @ApiProperty() actor!: string;
  @ApiProperty(INSTANT) recordedAt!: string;
}

export class PayoutRefView {
  @ApiProperty() batchId!: string;
  @ApiProperty() status!: string;
}

/** The participant's own confirmation or dispute (docs/adr/0028). */
export class ParticipantResponseView {
  @ApiProperty({ description: 'true: confirmed; false: disputed' }) confirmed!: boolean;
  @ApiProperty({
    description:
      'The lead corrected the involvement since: it speaks of an earlier version (a corrected dispute holds nothing back)',
  })
  correctedSince!: boolean;
  @ApiPropertyOptional({
    type: [String],
    enum: ['attendance', 'hours', 'expenses', 'form', 'other'],
    description: 'A dispute: what it concerns',
  })
  concerns?: string[];
  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'object', properties: { erased: { type: 'boolean' } } }],
    nullable: true,
    description: 'A dispute: why; null when withheld, `{erased: true}` once the participant is forgotten',
  })
  reason?: string | { erased: true } | null;
}

export class HonorariumWaiverView {
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'object', properties: { erased: { type: 'boolean' } } }],
    nullable: true,
    description: 'Why; null when withheld, `{erased: true}` once the participant is forgotten',
  })
  reason!: string | { erased: true } | null;
}

@ApiExtraModels(HonorariumView, UnpricedHonorariumView)
export class InvolvementView {
  @ApiProperty() id!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ enum: INVOLVEMENT_FORMS }) form!: string;
  @ApiProperty(DATE) occurredOn!: string;
  @ApiProperty({ enum: ATTENDANCES }) attendance!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { meeting: 2.5 } })
  hours!: Record<string, number>;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) expenses!: object[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) lostIncome!: object | null;
  @ApiProperty({ enum: HONORARIUM_DECISIONS, nullable: true }) honorariumDecision!: string | null;
  @ApiProperty({ type: String, nullable: true }) topic!: string | null;
  @ApiPropertyOptional({ description: 'The meeting it belongs to, when it names one' }) meetingId?: string;
  @ApiPropertyOptional({
    description:
      'true when the topic and the evidence summaries and rationales are left out: the caller is a lead who neither leads this project nor may read the participant',
  })
  personalTextWithheld?: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The appointment it was logged under',
  })
  appointment!: object | null;
  @ApiProperty() countsAsParticipation!: boolean;
  @ApiProperty() payable!: boolean;
  @ApiProperty({ enum: ['logged', 'voided'] }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) corrections!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) evidence!: object[];
  @ApiProperty(VERSION) version!: number;
  @ApiProperty({ type: [HistoryEntryView] }) history!: HistoryEntryView[];
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(HonorariumView) }, { $ref: getSchemaPath(UnpricedHonorariumView) }],
    nullable: true,
    description:
      'The calculation; while logged but not priceable, `{status, reason, …}` (`no-guideline-in-force` with `region` and `firstEffectiveFrom`); null only when voided',
  })
  honorarium!: HonorariumView | UnpricedHonorariumView | null;
  @ApiProperty({ type: PayoutRefView, nullable: true }) payout!: PayoutRefView | null;
  @ApiProperty({
    type: ParticipantResponseView,
    nullable: true,
    description: 'The participant’s own confirmation or dispute; null while they said nothing',
  })
  participantResponse!: ParticipantResponseView | null;
  @ApiProperty({
    type: HonorariumWaiverView,
    nullable: true,
    description: 'The participant’s own waiver of the honorarium (expenses still covered); null when none',
  })
  waiver!: HonorariumWaiverView | null;
  @ApiProperty({ type: [String], description: 'Ids of the feedback evidence the participant acknowledged' })
  acknowledgedFeedback!: string[];
  @ApiProperty({
    description: 'An open dispute holds its amount back from payout drafts (until corrected or confirmed)',
  })
  disputeHoldsBackPayout!: boolean;
}

/** A ledger line: a calculated line (accrued), a payout line (batched, paid) or an adjustment. */
export class LedgerLineView {
  @ApiProperty() involvementId!: string;
  @ApiProperty(DATE) occurredOn!: string;
  @ApiProperty({ enum: ['accrued', 'batched', 'paid'] }) status!: string;
  @ApiProperty() adjustment!: boolean;
  @ApiProperty({ example: 'meeting' }) kind!: string;
  @ApiProperty({ type: 'integer', description: 'øre; an adjustment may be negative' }) amountOre!: number;
  @ApiProperty() taxable!: boolean;
  @ApiProperty() incomeType!: string;
  @ApiPropertyOptional({ type: GuidelineRef }) guideline?: GuidelineRef;
  @ApiPropertyOptional({ type: 'number', minimum: 0 }) quantity?: number;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional({ type: 'integer' }) rateOre?: number;
  @ApiPropertyOptional() explanation?: string;
  @ApiPropertyOptional({ description: 'batched and paid lines' }) lineId?: string;
  @ApiPropertyOptional() batchId?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) adjustsLineId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reference?: string | null;
}

export class ParticipantHonorariumView {
  @ApiProperty() participantId!: string;
  @ApiProperty({ ...DATE, nullable: true }) from!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) to!: string | null;
  @ApiProperty({ type: 'integer', description: 'øre' }) accruedOre!: number;
  @ApiProperty({ type: 'integer', description: 'øre' }) batchedOre!: number;
  @ApiProperty({ type: 'integer', description: 'øre' }) paidOre!: number;
  @ApiProperty({ type: [LedgerLineView] }) lines!: LedgerLineView[];
  @ApiProperty({ type: [UnpricedEntryView], description: 'Involvements in the period that cannot be priced' })
  unpriced!: UnpricedEntryView[];
}

/** What `POST /v1/projects/{id}/involvements/preview` answers: the honorarium logging it would give. */
export class InvolvementPreviewView {
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(HonorariumView) }, { $ref: getSchemaPath(UnpricedHonorariumView) }],
    description:
      'The calculation by the guideline in force on `occurredOn` (its `involvementId` is "preview"); or why it cannot be priced',
  })
  honorarium!: HonorariumView | UnpricedHonorariumView;
}

export class ProjectListItemView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ description: 'Region code of the honorarium guideline' }) region!: string;
  @ApiProperty({ enum: PARTICIPATION_LEVELS }) level!: string;
}

export class ProjectListPage {
  @ApiProperty({ type: [ProjectListItemView] }) items!: ProjectListItemView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Cursor of the next page (`?after=`); null on the last',
  })
  next!: string | null;
}
